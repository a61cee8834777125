package dev.broadsheet.media;

/** The point of an image a derived crop keeps in view, as fractions of its width and height (0..1). */
public record FocalPoint(double x, double y) {

    boolean valid() {
        return x >= 0 && x <= 1 && y >= 0 && y <= 1;
    }
}
