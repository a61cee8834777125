package dev.broadsheet.media;

/**
 * A crop kept on an asset under a name (e.g. {@code wide}, {@code square}), so editors can reuse it
 * for usages. It must lie inside the image.
 */
public record NamedCrop(String name, int x, int y, int width, int height) {

    public Crop crop() {
        return new Crop(x, y, width, height);
    }
}
