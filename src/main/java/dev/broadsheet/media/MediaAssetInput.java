package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an editor sends to create an asset or to replace its editable fields (an update sends the
 * whole form: an omitted optional field is cleared).
 */
record MediaAssetInput(
        String title,
        String url,
        Integer width,
        Integer height,
        Credit creator,
        Credit source,
        String creditLine,
        String licenceId,
        List<NamedCrop> crops,
        List<String> syndicationGrants,
        String file,
        FocalPoint focalPoint) {

    static final int MAX_GRANTS = 100;

    static final int MAX_DIMENSION = 100_000;
    static final int MAX_CROPS = 20;

    /** The form of an asset hosted elsewhere. */
    MediaAssetInput(String title, String url, Integer width, Integer height, Credit creator, Credit source,
            String creditLine, String licenceId, List<NamedCrop> crops) {
        this(title, url, width, height, creator, source, creditLine, licenceId, crops, null, null, null);
    }

    /** Checks every field of an asset hosted elsewhere (errors name paths under {@code path}). */
    MediaAsset toAsset(String path, String id, long version) {
        return toAsset(path, id, version, null, null);
    }

    /**
     * Checks every field (errors name paths under {@code path}) and returns the asset it describes.
     *
     * @param uploaded    the stored file {@code file} names, or null when the input names none
     * @param uploadedUrl where Broadsheet serves that file
     */
    MediaAsset toAsset(String path, String id, long version, MediaFile uploaded, String uploadedUrl) {
        String title = Inputs.optionalText(path + ".title", blankToNull(this.title), 300);
        String url;
        int width;
        int height;
        Credit creator = credit(path + ".creator", this.creator);
        String creditLine = Inputs.optionalText(path + ".creditLine", blankToNull(this.creditLine), 500);
        if (file != null) {
            if (uploaded == null) {
                throw ApiException.validation(path + ".file", "No uploaded file " + file + "; upload it with POST /media");
            }
            if (this.url != null) {
                throw ApiException.validation(path + ".url", "Give either url or file, not both");
            }
            url = uploadedUrl;
            width = sameAs(path + ".width", this.width, uploaded.width());
            height = sameAs(path + ".height", this.height, uploaded.height());
            if (creator == null && uploaded.creator() != null) {
                creator = new Credit(uploaded.creator(), null);
            }
            if (creditLine == null) {
                creditLine = uploaded.copyright();
            }
        } else {
            url = Inputs.requireHttpUrl(path + ".url", this.url);
            width = dimension(path + ".width", this.width);
            height = dimension(path + ".height", this.height);
        }
        if (focalPoint != null && !focalPoint.valid()) {
            throw ApiException.validation(path + ".focalPoint", "x and y are fractions of the image, from 0 to 1");
        }
        Credit source = credit(path + ".source", this.source);
        Inputs.requireText(path + ".licenceId", licenceId, 64);
        if (Licences.byId(licenceId).isEmpty()) {
            throw ApiException.validation(path + ".licenceId", "Unknown licence " + licenceId
                    + "; the licences query lists the known ones");
        }
        MediaAsset asset = new MediaAsset(id, title, url, width, height, creator, source, creditLine, licenceId,
                List.of(), version);
        return new MediaAsset(id, title, url, width, height, creator, source, creditLine, licenceId,
                crops(path + ".crops", asset), version, grants(path + ".syndicationGrants"), uploaded, focalPoint);
    }

    private static int sameAs(String field, Integer given, int actual) {
        if (given != null && given != actual) {
            throw ApiException.validation(field, "The uploaded file is " + actual + " px here; leave it out or give " + actual);
        }
        return actual;
    }

    private List<NamedCrop> crops(String path, MediaAsset asset) {
        if (crops == null) {
            return List.of();
        }
        Inputs.maxSize(path, crops, MAX_CROPS);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < crops.size(); i++) {
            NamedCrop crop = crops.get(i);
            String at = path + "[" + i + "]";
            String name = Inputs.requireText(at + ".name", crop.name(), 50).strip();
            if (!names.add(name)) {
                throw ApiException.validation(at + ".name", "Crop name " + name + " is used twice");
            }
            if (!asset.contains(crop.crop())) {
                throw ApiException.validation(at, "crop must lie inside the " + asset.width() + " × "
                        + asset.height() + " px image");
            }
        }
        return crops.stream().map(c -> new NamedCrop(c.name().strip(), c.x(), c.y(), c.width(), c.height())).toList();
    }

    private List<String> grants(String path) {
        if (syndicationGrants == null) {
            return List.of();
        }
        Inputs.maxSize(path, syndicationGrants, MAX_GRANTS);
        for (int i = 0; i < syndicationGrants.size(); i++) {
            Inputs.requireText(path + "[" + i + "]", syndicationGrants.get(i), 64);
        }
        return syndicationGrants.stream().map(String::strip).distinct().toList();
    }

    private static int dimension(String field, Integer value) {
        if (value == null || value <= 0 || value > MAX_DIMENSION) {
            throw ApiException.validation(field, field + " must be between 1 and " + MAX_DIMENSION + " px");
        }
        return value;
    }

    private static Credit credit(String path, Credit credit) {
        if (credit == null) {
            return null;
        }
        String name = Inputs.requireText(path + ".name", credit.name(), 200).strip();
        return new Credit(name, Inputs.optionalHttpUrl(path + ".url", blankToNull(credit.url())));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
