package dev.broadsheet.media;

/**
 * A rectangle of an image, in pixels from its top-left corner, and the size it is published at.
 *
 * @param publishedWidth  width of the published image (the rectangle scaled), or null when it is
 *                        published at the rectangle's own size
 * @param publishedHeight height of the published image, given together with {@code publishedWidth}
 */
public record Crop(int x, int y, int width, int height, Integer publishedWidth, Integer publishedHeight) {

    /** A rectangle published at its own size. */
    public Crop(int x, int y, int width, int height) {
        this(x, y, width, height, null, null);
    }

    /** The width readers see: the published width, or the rectangle's. */
    public int outputWidth() {
        return publishedWidth != null ? publishedWidth : width;
    }

    /** The height readers see: the published height, or the rectangle's. */
    public int outputHeight() {
        return publishedHeight != null ? publishedHeight : height;
    }
}
