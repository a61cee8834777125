package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;

/**
 * One rendition asked for by URL: {@code /media/{id}/{name}.{format}?w=&h=&fit=&focus=&crop=}.
 *
 * @param name   {@code full} for the whole image, or the name of one of the asset's crops
 * @param width  requested width, or null to follow from the height or the source
 * @param height requested height, or null to follow from the width or the source
 * @param focus  overrides the asset's focal point for this request, or null
 * @param crop   an explicit rectangle of the image (an article's crop), or null
 */
record RenditionSpec(String name, OutputFormat format, Integer width, Integer height, Fit fit, FocalPoint focus,
        Crop crop) {

    static final String FULL = "full";

    /** {@code crop}: a rectangle of the requested proportions around the focal point; {@code fill}: the whole picture fitted and padded. */
    enum Fit { CROP, FILL }

    enum OutputFormat {
        JPG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

        final String contentType;
        final String imageIoName;

        OutputFormat(String contentType, String imageIoName) {
            this.contentType = contentType;
            this.imageIoName = imageIoName;
        }
    }

    static RenditionSpec parse(String name, String extension, Integer w, Integer h, String fit, String focus,
            String crop, int maxSize) {
        OutputFormat format;
        try {
            format = OutputFormat.valueOf(extension.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Renditions are .jpg, .png or .webp");
        }
        checkSize("w", w, maxSize);
        checkSize("h", h, maxSize);
        Fit parsedFit;
        try {
            parsedFit = fit == null ? Fit.CROP : Fit.valueOf(fit.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("fit", "fit is crop or fill");
        }
        return new RenditionSpec(name, format, w, h, parsedFit, focus(focus), crop(crop));
    }

    private static void checkSize(String field, Integer value, int maxSize) {
        if (value != null && (value < 1 || value > maxSize)) {
            throw ApiException.validation(field, field + " must be between 1 and " + maxSize + " px");
        }
    }

    private static FocalPoint focus(String text) {
        if (text == null) {
            return null;
        }
        double[] values = numbers("focus", text, 2);
        FocalPoint point = new FocalPoint(values[0], values[1]);
        if (!point.valid()) {
            throw ApiException.validation("focus", "focus is x,y as fractions of the image, from 0 to 1");
        }
        return point;
    }

    private static Crop crop(String text) {
        if (text == null) {
            return null;
        }
        double[] v = numbers("crop", text, 4);
        for (double value : v) {
            if (value != Math.rint(value) || value < 0 || value > MediaAssetInput.MAX_DIMENSION) {
                throw ApiException.validation("crop", "crop is x,y,width,height in whole pixels");
            }
        }
        return new Crop((int) v[0], (int) v[1], (int) v[2], (int) v[3]);
    }

    private static double[] numbers(String field, String text, int count) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw ApiException.validation(field, field + " takes " + count + " comma-separated numbers");
        }
        double[] values = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(values[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, field + " takes " + count + " comma-separated numbers");
        }
        return values;
    }
}
