package dev.broadsheet.embed;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes embed markup safe to insert into a page: an allowlist of quoting and linking elements, links
 * and frames over http(s) only, no scripts, styles or event handlers. Provider scripts that turn a
 * blockquote into a rich card are dropped; a front end may load them itself.
 */
@Component
class EmbedHtml {

    static final int MAX_HTML = 20_000;
    static final int MAX_TEXT = 5_000;

    private final PolicyFactory policy;
    private final PolicyFactory textOnly = new HtmlPolicyBuilder().toFactory();

    EmbedHtml(Providers providers) {
        Set<String> frameHosts = providers.frameHosts();
        this.policy = new HtmlPolicyBuilder()
                .allowElements("blockquote", "p", "br", "a", "span", "strong", "em", "b", "i", "ul", "ol", "li",
                        "cite", "time", "figure", "figcaption", "iframe")
                .allowUrlProtocols("https", "http")
                .allowAttributes("href").onElements("a")
                .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                .allowAttributes("lang", "dir").globally()
                .allowAttributes("class", "cite", "data-bluesky-uri", "data-bluesky-cid").onElements("blockquote")
                .allowAttributes("datetime").onElements("time")
                .allowAttributes("src").matching((element, attribute, value) -> frameSource(value, frameHosts))
                .onElements("iframe")
                .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("iframe")
                .allowAttributes("title", "allowfullscreen").onElements("iframe")
                .toFactory();
    }

    /** Sanitised markup, or null for none. */
    String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String safe = policy.sanitize(html).strip();
        return safe.isEmpty() ? null : safe;
    }

    /** The words of some markup, tags dropped and whitespace collapsed, at most {@link #MAX_TEXT} characters. */
    String text(String html) {
        if (html == null) {
            return null;
        }
        // a space before each tag keeps the words of adjacent paragraphs apart
        String text = HtmlUtils.htmlUnescape(textOnly.sanitize(html.replace("<", " <"))).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= MAX_TEXT ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
    }

    /** Frames only from the providers' own https hosts. */
    private static String frameSource(String value, Set<String> hosts) {
        try {
            URI uri = URI.create(value);
            String host = uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme()) && host != null && hosts.contains(host.toLowerCase(Locale.ROOT))
                    ? value : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
