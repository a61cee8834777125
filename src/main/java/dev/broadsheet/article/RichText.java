package dev.broadsheet.article;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** Renders paragraph spans as plain text or as escaped HTML ({@code <em>}, {@code <strong>}, {@code <a>}). */
final class RichText {

    private RichText() {
    }

    static String plain(List<TextSpan> spans) {
        return spans.stream().map(TextSpan::text).collect(Collectors.joining());
    }

    static String html(List<TextSpan> spans) {
        StringBuilder html = new StringBuilder();
        for (TextSpan span : spans) {
            String inner = HtmlUtils.htmlEscape(span.text());
            if (span.marks().contains(TextSpan.Mark.EMPHASIS)) {
                inner = "<em>" + inner + "</em>";
            }
            if (span.marks().contains(TextSpan.Mark.STRONG)) {
                inner = "<strong>" + inner + "</strong>";
            }
            if (isSafeHref(span.href())) {
                inner = "<a href=\"" + HtmlUtils.htmlEscape(span.href()) + "\">" + inner + "</a>";
            }
            html.append(inner);
        }
        return html.toString();
    }

    /** Only web, mail and site-relative links are rendered as links; anything else stays plain text. */
    static boolean isSafeHref(String href) {
        if (href == null) {
            return false;
        }
        String lower = href.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                || (lower.startsWith("/") && !lower.startsWith("//"));
    }
}
