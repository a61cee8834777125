package dev.broadsheet.media;

import java.awt.Rectangle;

/**
 * Which pixels of the source a rendition shows and at what size. A crop of other proportions than
 * the source is derived around the focal point (kept inside it whenever the region contains it);
 * {@code fill} shows the whole region, scaled to fit and padded to the requested size.
 */
final class RenditionGeometry {

    /**
     * @param source     the rectangle of the original image to decode
     * @param width      output width
     * @param height     output height
     * @param innerWidth width of the picture inside the output (smaller than {@code width} when padded)
     */
    record Plan(Rectangle source, int width, int height, int innerWidth, int innerHeight) {

        boolean padded() {
            return innerWidth != width || innerHeight != height;
        }
    }

    private RenditionGeometry() {
    }

    static Plan plan(int imageWidth, int imageHeight, Rectangle region, Integer width, Integer height,
            RenditionSpec.Fit fit, FocalPoint focus) {
        int rw = region.width;
        int rh = region.height;
        if (width == null && height == null) {
            return new Plan(region, rw, rh, rw, rh);
        }
        if (height == null) {
            int h = Math.max(1, (int) Math.round((double) width * rh / rw));
            return new Plan(region, width, h, width, h);
        }
        if (width == null) {
            int w = Math.max(1, (int) Math.round((double) height * rw / rh));
            return new Plan(region, w, height, w, height);
        }
        if (fit == RenditionSpec.Fit.FILL) {
            double scale = Math.min((double) width / rw, (double) height / rh);
            int iw = Math.max(1, Math.min(width, (int) Math.round(rw * scale)));
            int ih = Math.max(1, Math.min(height, (int) Math.round(rh * scale)));
            return new Plan(region, width, height, iw, ih);
        }
        double aspect = (double) width / height;
        int cw = rw;
        int ch = rh;
        if ((double) rw / rh > aspect) {
            cw = Math.max(1, Math.min(rw, (int) Math.round(rh * aspect)));
        } else {
            ch = Math.max(1, Math.min(rh, (int) Math.round(rw / aspect)));
        }
        double fx = focus == null ? region.getCenterX() : focus.x() * imageWidth;
        double fy = focus == null ? region.getCenterY() : focus.y() * imageHeight;
        int cx = clamp((int) Math.round(fx - cw / 2.0), region.x, region.x + rw - cw);
        int cy = clamp((int) Math.round(fy - ch / 2.0), region.y, region.y + rh - ch);
        return new Plan(new Rectangle(cx, cy, cw, ch), width, height, width, height);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
