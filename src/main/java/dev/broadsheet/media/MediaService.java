package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import dev.broadsheet.store.NoSuchDocumentException;
import dev.broadsheet.store.VersionConflictException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

@Service
public class MediaService {

    private final MediaStore store;
    private final Callers callers;
    private final AuditLog audit;
    private final MediaReadCache reads;

    MediaService(MediaStore store, Callers callers, AuditLog audit, MediaReadCache reads) {
        this.reads = reads;
        this.store = store;
        this.callers = callers;
        this.audit = audit;
    }

    public Optional<MediaAsset> find(String id) {
        return reads.byId(id);
    }

    public Map<String, MediaAsset> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : reads.byIds(ids);
    }

    List<String> syndicationGrants(MediaAsset asset) {
        callers.require(Role.EDITOR);
        return asset.syndicationGrants();
    }

    public List<Licence> licences() {
        return Licences.all();
    }

    MediaAsset create(MediaAssetInput input) {
        Caller editor = callers.require(Role.EDITOR);
        MediaAsset asset = required(input).toAsset("input", new ObjectId().toHexString(), 1);
        store.insert(asset);
        audit.record(editor, "createMediaAsset", "mediaAsset", asset.id(), asset.version());
        return asset;
    }

    MediaAsset update(String id, long expectedVersion, MediaAssetInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Inputs.requireText("id", id, 64);
        MediaAsset asset = required(input).toAsset("input", id, expectedVersion);
        MediaAsset updated;
        try {
            updated = store.update(asset, expectedVersion);
        } catch (VersionConflictException e) {
            throw ApiException.versionConflict(e.expectedVersion(), e.currentVersion());
        } catch (NoSuchDocumentException e) {
            throw ApiException.notFound("No media asset " + id);
        }
        audit.record(editor, "updateMediaAsset", "mediaAsset", id, updated.version());
        return updated;
    }

    /**
     * Stores an asset from trusted code (sample content, imports) without a caller, after checking what
     * every client relies on: a known licence, an http(s) url, a sane size, crops inside the image.
     */
    public MediaAsset save(MediaAsset asset) {
        new MediaAssetInput(asset.title(), asset.url(), asset.width(), asset.height(), asset.creator(),
                asset.source(), asset.creditLine(), asset.licenceId(), asset.crops(), asset.syndicationGrants())
                .toAsset("asset", asset.id(), asset.version());
        store.save(asset);
        return asset;
    }

    /** Checks that a usage names a crop lying inside its asset. */
    public void checkUsage(ImageUsage usage, MediaAsset asset) {
        Crop crop = usage.crop();
        if (crop != null && !asset.contains(crop)) {
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

    private static MediaAssetInput required(MediaAssetInput input) {
        if (input == null) {
            throw ApiException.validation("input", "input is required");
        }
        return input;
    }
}
