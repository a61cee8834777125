package dev.broadsheet.media;

/** A rectangle of an image, in pixels from its top-left corner. */
public record Crop(int x, int y, int width, int height) {
}
