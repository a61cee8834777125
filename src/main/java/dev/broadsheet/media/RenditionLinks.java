package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Versioned rendition URLs for one image usage, for a front end's {@code srcset}. A URL names the asset
 * version, so it can be cached for ever; widths larger than the source are left out (no upscaling).
 */
final class RenditionLinks {

    static final List<Integer> DEFAULT_WIDTHS = List.of(320, 640, 960, 1280, 1920);
    static final int MAX_WIDTHS = 10;

    /** One rendition: where to get it and its size. */
    record Rendition(String url, int width, int height, String format) {
    }

    private RenditionLinks() {
    }

    static List<Rendition> of(ImageUsage usage, MediaAsset asset, List<Integer> widths, RenditionSpec.OutputFormat format,
            String baseUrl, int maxSize) {
        if (asset.file() == null) {
            return List.of();
        }
        List<Integer> asked = widths == null ? DEFAULT_WIDTHS : widths;
        Inputs.maxSize("widths", asked, MAX_WIDTHS);
        Crop crop = usage.crop() != null ? usage.crop() : new Crop(0, 0, asset.file().width(), asset.file().height());
        List<Rendition> renditions = new ArrayList<>();
        for (int width : new TreeSet<>(asked)) {
            if (width < 1 || width > maxSize) {
                throw ApiException.validation("widths", "each width must be between 1 and " + maxSize + " px");
            }
            if (width > crop.width()) {
                continue;
            }
            int height = Math.max(1, (int) Math.round((double) width * crop.height() / crop.width()));
            String extension = format.name().toLowerCase(java.util.Locale.ROOT);
            StringBuilder url = new StringBuilder(baseUrl).append("/media/").append(asset.id()).append("/full.")
                    .append(extension).append("?w=").append(width);
            if (usage.crop() != null) {
                url.append("&crop=").append(crop.x()).append(',').append(crop.y()).append(',')
                        .append(crop.width()).append(',').append(crop.height());
            }
            url.append("&v=").append(asset.version());
            renditions.add(new Rendition(url.toString(), width, height, format.name()));
        }
        return renditions;
    }

    static String srcset(List<Rendition> renditions) {
        if (renditions.isEmpty()) {
            return null;
        }
        return String.join(", ", renditions.stream().map(r -> r.url() + " " + r.width() + "w").toList());
    }
}
