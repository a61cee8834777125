package dev.broadsheet.media;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An image the newsroom may use, with who made it, where it came from and under which licence.
 *
 * @param creditLine the credit as the source asks for it, when it differs from creator/source
 * @param crops      named crops offered for reuse; each lies inside the image
 * @param syndicationGrants partner ids the rights holder cleared this asset for (matters for
 *                   all-rights-reserved and agency assets)
 * @param file       the uploaded file, or null for an asset hosted elsewhere (only a URL)
 * @param focalPoint what a derived crop keeps in view, or null for the centre
 */
public record MediaAsset(
        @BsonId String id,
        String title,
        String url,
        int width,
        int height,
        Credit creator,
        Credit source,
        String creditLine,
        String licenceId,
        List<NamedCrop> crops,
        long version,
        List<String> syndicationGrants,
        MediaFile file,
        FocalPoint focalPoint) {

    public MediaAsset {
        crops = crops == null ? List.of() : List.copyOf(crops);
        syndicationGrants = syndicationGrants == null ? List.of() : List.copyOf(syndicationGrants);
    }

    /** An asset hosted elsewhere, with named crops, cleared for no partner in particular. */
    public MediaAsset(String id, String title, String url, int width, int height, Credit creator, Credit source,
            String creditLine, String licenceId, List<NamedCrop> crops, long version) {
        this(id, title, url, width, height, creator, source, creditLine, licenceId, crops, version, List.of(), null,
                null);
    }

    /** An asset without named crops. */
    public MediaAsset(String id, String title, String url, int width, int height, Credit creator, Credit source,
            String creditLine, String licenceId, long version) {
        this(id, title, url, width, height, creator, source, creditLine, licenceId, List.of(), version);
    }

    public Licence licence() {
        return Licences.byId(licenceId).orElseThrow(() -> new IllegalStateException("Unknown licence " + licenceId));
    }

    public String attribution() {
        return Attribution.text(this, null);
    }

    public String attributionHtml() {
        return Attribution.html(this, null);
    }

    public java.util.Optional<NamedCrop> crop(String name) {
        return crops.stream().filter(crop -> crop.name().equals(name)).findFirst();
    }

    /** Whether {@code crop} is a non-empty rectangle inside this image. */
    public boolean contains(Crop crop) {
        return crop.x() >= 0 && crop.y() >= 0 && crop.width() > 0 && crop.height() > 0
                && (long) crop.x() + crop.width() <= width && (long) crop.y() + crop.height() <= height;
    }
}
