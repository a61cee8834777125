package dev.broadsheet.media;

import dev.broadsheet.graphql.ApiException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class MediaService {

    private final MediaStore store;
    private final MediaReadCache reads;

    MediaService(MediaStore store, MediaReadCache reads) {
        this.reads = reads;
        this.store = store;
    }

    public Optional<MediaAsset> find(String id) {
        return reads.byId(id);
    }

    public Map<String, MediaAsset> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : reads.byIds(ids);
    }

    /** Stores an asset after checking what every client relies on: a known licence, an http(s) url, sane size. */
    public MediaAsset save(MediaAsset asset) {
        if (Licences.byId(asset.licenceId()).isEmpty()) {
            throw ApiException.validation("licenceId", "Unknown licence " + asset.licenceId());
        }
        if (!isHttpUrl(asset.url())) {
            throw ApiException.validation("url", "url must be an http(s) URL");
        }
        if (asset.width() <= 0 || asset.height() <= 0) {
            throw ApiException.validation("width", "width and height must be positive");
        }
        store.save(asset);
        return asset;
    }

    /** Checks that a usage names a crop lying inside its asset. */
    public void checkUsage(ImageUsage usage, MediaAsset asset) {
        Crop crop = usage.crop();
        if (crop != null && (crop.x() < 0 || crop.y() < 0 || crop.width() <= 0 || crop.height() <= 0
                || crop.x() + crop.width() > asset.width() || crop.y() + crop.height() > asset.height())) {
            throw ApiException.validation("crop", "crop must lie inside the " + asset.width() + " × "
                    + asset.height() + " px image");
        }
    }

    public String attribution(ImageUsage usage, MediaAsset asset) {
        return Attribution.text(asset, usage.crop());
    }

    public String attributionHtml(ImageUsage usage, MediaAsset asset) {
        return Attribution.html(asset, usage.crop());
    }

    private static boolean isHttpUrl(String url) {
        try {
            String scheme = url == null ? null : URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
