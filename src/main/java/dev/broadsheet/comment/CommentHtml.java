package dev.broadsheet.comment;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders cleaned plain text as the HTML readers get: paragraphs from blank lines, {@code <br>} from
 * single line breaks, and http(s) links — written bare or as {@code [text](url)} — with
 * {@code rel="nofollow ugc noopener"}. Everything the reader typed is escaped first; the OWASP policy
 * then allows only p, br and a[href] as a second line of defence.
 */
final class CommentHtml {

    private static final Pattern LINK = Pattern.compile(
            "\\[([^\\]\\n]{1,200})]\\((https?://[^\\s()<>]{1,2000})\\)|(https?://[^\\s<>\"]{1,2000})",
            Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentHtml() {
    }

    record Rendered(String html, boolean hasLinks) {
    }

    static Rendered render(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        boolean links = false;
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>");
            String[] lines = paragraph.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                links |= appendLine(html, lines[i]);
            }
            html.append("</p>");
        }
        return new Rendered(POLICY.sanitize(html.toString()), links);
    }

    private static boolean appendLine(StringBuilder html, String line) {
        Matcher link = LINK.matcher(line);
        int at = 0;
        boolean any = false;
        while (link.find()) {
            html.append(escape(line.substring(at, link.start())));
            String label = link.group(1);
            String url = label != null ? link.group(2) : trimTrailingPunctuation(link.group(3));
            int end = label != null ? link.end() : link.start() + url.length();
            if (isHttpUrl(url)) {
                html.append("<a href=\"").append(escape(url)).append("\">").append(escape(label != null ? label : url))
                        .append("</a>");
                any = true;
            } else {
                html.append(escape(line.substring(link.start(), end)));
            }
            at = end;
        }
        html.append(escape(line.substring(at)));
        return any;
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?'\")]}".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
