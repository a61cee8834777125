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
    private final MediaUploads uploads;
    private final MediaFileStore files;
    private final MediaProperties properties;

    MediaService(MediaStore store, Callers callers, AuditLog audit, MediaReadCache reads, MediaUploads uploads,
            MediaFileStore files, MediaProperties properties) {
        this.properties = properties;
        this.reads = reads;
        this.uploads = uploads;
        this.files = files;
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
        String id = new ObjectId().toHexString();
        MediaFile file = uploadedFile(required(input));
        MediaAsset asset = input.toAsset("input", id, 1, file, file == null ? null : uploads.urlOf(id, file));
        store.insert(asset);
        audit.record(editor, "createMediaAsset", "mediaAsset", asset.id(), asset.version());
        return asset;
    }

    MediaAsset update(String id, long expectedVersion, MediaAssetInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Inputs.requireText("id", id, 64);
        MediaFile file = uploadedFile(required(input));
        MediaAsset asset = input.toAsset("input", id, expectedVersion, file, file == null ? null : uploads.urlOf(id, file));
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
     * Stores an uploaded image (once per SHA-256) and makes an asset of it, titled and licensed as
     * given (ALL-RIGHTS-RESERVED until an editor says otherwise), credited by default with the
     * creator and copyright the file names (editors).
     */
    MediaAsset upload(byte[] bytes, String title, String licenceId) {
        Caller editor = callers.require(Role.EDITOR);
        if (licenceId != null && !licenceId.isBlank() && Licences.byId(licenceId).isEmpty()) {
            throw ApiException.validation("licenceId", "Unknown licence " + licenceId + "; the licences query lists the known ones");
        }
        Inputs.optionalText("title", title, 300);
        MediaFile file = uploads.store(bytes);
        String id = new ObjectId().toHexString();
        MediaAssetInput input = new MediaAssetInput(title, null, null, null, null, null, null,
                licenceId == null || licenceId.isBlank() ? "ALL-RIGHTS-RESERVED" : licenceId, null, null, file.id(), null);
        MediaAsset asset = input.toAsset("input", id, 1, file, uploads.urlOf(id, file));
        store.insert(asset);
        audit.record(editor, "uploadMedia", "mediaAsset", asset.id(), asset.version());
        return asset;
    }

    /** Versioned rendition links for a usage (none for an asset hosted elsewhere). */
    List<RenditionLinks.Rendition> renditions(ImageUsage usage, MediaAsset asset, List<Integer> widths,
            RenditionSpec.OutputFormat format) {
        return RenditionLinks.of(usage, asset, widths, format, properties.publicBaseUrl(), properties.maxRenditionSize());
    }

    /** The stored bytes of an uploaded asset's file. */
    byte[] fileBytes(MediaFile file) {
        return files.bytes(file);
    }

    private MediaFile uploadedFile(MediaAssetInput input) {
        if (input.file() == null) {
            return null;
        }
        Inputs.requireText("input.file", input.file(), 64);
        return files.find(input.file()).orElse(null);
    }

    /**
     * Stores an asset from trusted code (sample content, imports) without a caller, after checking what
     * every client relies on: a known licence, an http(s) url, a sane size, crops inside the image.
     */
    public MediaAsset save(MediaAsset asset) {
        new MediaAssetInput(asset.title(), asset.url(), asset.width(), asset.height(), asset.creator(),
                asset.source(), asset.creditLine(), asset.licenceId(), asset.crops(), asset.syndicationGrants(),
                null, asset.focalPoint())
                .toAsset("asset", asset.id(), asset.version());
        store.save(asset);
        return asset;
    }

    /**
     * Checks that a usage names a crop lying inside its asset, published (if scaled) at no more than
     * its own size and in its own proportions (to the nearest pixel).
     */
    public void checkUsage(ImageUsage usage, MediaAsset asset) {
        checkCrop(usage.crop(), asset);
    }

    static void checkCrop(Crop crop, MediaAsset asset) {
        if (crop == null) {
            return;
        }
        if (!asset.contains(crop)) {
            throw ApiException.validation("crop", "crop must lie inside the " + asset.width() + " × "
                    + asset.height() + " px image");
        }
        if ((crop.publishedWidth() == null) != (crop.publishedHeight() == null)) {
            throw ApiException.validation("crop", "publishedWidth and publishedHeight go together");
        }
        if (crop.publishedWidth() != null) {
            int width = crop.publishedWidth();
            int height = crop.publishedHeight();
            if (width < 1 || height < 1 || width > crop.width() || height > crop.height()) {
                throw ApiException.validation("crop", "the published size must be between 1 px and the crop's "
                        + crop.width() + " × " + crop.height() + " px");
            }
            if (Math.abs((double) width * crop.height() / crop.width() - height) > 1) {
                throw ApiException.validation("crop", "the published size must keep the crop's proportions");
            }
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
