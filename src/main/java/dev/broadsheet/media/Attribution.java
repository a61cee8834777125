package dev.broadsheet.media;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the attribution line a licence requires, from title, author, source, licence and any crop
 * (TASL: title, author, source, licence), e.g.
 * {@code "Crowd on the bridge" by Ana Ruiz via Wikimedia Commons, cropped to 770 × 403 px, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)}.
 * "Cropped to W × H px" names the size of the image as published (a rectangle of the original, scaled),
 * not the rectangle cut from the original; the original's size stays on the asset.
 */
final class Attribution {

    private Attribution() {
    }

    static String text(MediaAsset asset, Crop crop) {
        return render(asset, crop, false);
    }

    static String html(MediaAsset asset, Crop crop) {
        return render(asset, crop, true);
    }

    private static String render(MediaAsset asset, Crop crop, boolean html) {
        List<String> parts = new ArrayList<>();
        if (present(asset.title())) {
            parts.add("“" + escape(asset.title(), html) + "”");
        }
        if (asset.creator() != null && present(asset.creator().name())) {
            parts.add("by " + link(asset.creator(), html));
        }
        if (asset.source() != null && present(asset.source().name())) {
            parts.add("via " + link(asset.source(), html));
        }
        StringBuilder line = new StringBuilder(String.join(" ", parts));
        if (present(asset.creditLine())) {
            append(line, "credit: " + escape(asset.creditLine(), html));
        }
        if (crop != null && (crop.width() != asset.width() || crop.height() != asset.height())) {
            append(line, "cropped to " + crop.outputWidth() + " × " + crop.outputHeight() + " px");
        }
        append(line, licenceClause(asset.licence(), html));
        return line.toString();
    }

    private static String licenceClause(Licence licence, boolean html) {
        String name = licenceName(licence, html);
        return switch (licence.kind()) {
            case OPEN_LICENCE -> "licensed under " + name;
            case PUBLIC_DOMAIN -> "dedicated to the public domain (" + name + ")";
            case ALL_RIGHTS_RESERVED -> "all rights reserved, used with permission";
            case AGENCY -> "supplied under agency licence, not for reuse";
            case OWNED -> "the newsroom's own";
        };
    }

    private static String licenceName(Licence licence, boolean html) {
        if (licence.url() == null) {
            return escape(licence.name(), html);
        }
        return html
                ? "<a href=\"" + escape(licence.url(), true) + "\" rel=\"license\">" + escape(licence.name(), true) + "</a>"
                : licence.name() + " (" + licence.url() + ")";
    }

    private static String link(Credit credit, boolean html) {
        if (!html || !present(credit.url())) {
            return escape(credit.name(), html);
        }
        return "<a href=\"" + escape(credit.url(), true) + "\">" + escape(credit.name(), true) + "</a>";
    }

    private static void append(StringBuilder line, String clause) {
        if (!line.isEmpty()) {
            line.append(", ");
        }
        line.append(clause);
    }

    private static String escape(String text, boolean html) {
        return html ? HtmlUtils.htmlEscape(text) : text;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
