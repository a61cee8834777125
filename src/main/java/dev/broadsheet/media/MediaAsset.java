package dev.broadsheet.media;

/**
 * An image the newsroom may use, with who made it, where it came from and under which licence.
 *
 * @param creditLine the credit as the source asks for it, when it differs from creator/source
 */
public record MediaAsset(
        String id,
        String title,
        String url,
        int width,
        int height,
        Credit creator,
        Credit source,
        String creditLine,
        String licenceId,
        long version) {

    public Licence licence() {
        return Licences.byId(licenceId).orElseThrow(() -> new IllegalStateException("Unknown licence " + licenceId));
    }

    public String attribution() {
        return Attribution.text(this, null);
    }

    public String attributionHtml() {
        return Attribution.html(this, null);
    }
}
