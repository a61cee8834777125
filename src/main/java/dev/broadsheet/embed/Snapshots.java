package dev.broadsheet.embed;

import dev.broadsheet.embed.EmbeddedPost.Provider;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.net.URI;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns an oEmbed response into a snapshot; what the response lacks is taken from an earlier snapshot. */
@Component
class Snapshots {

    private final EmbedHtml sanitiser;

    Snapshots(EmbedHtml sanitiser) {
        this.sanitiser = sanitiser;
    }

    EmbeddedPost fromOEmbed(Provider provider, String url, JsonNode oEmbed, EmbeddedPost earlier, Instant now) {
        String html = sanitiser.sanitise(field(oEmbed, "html", Integer.MAX_VALUE));
        if (html != null && html.length() > EmbedHtml.MAX_HTML) {
            html = null;
        }
        String authorName = field(oEmbed, "author_name", 200);
        String authorUrl = httpUrl(field(oEmbed, "author_url", 2048));
        String text = provider == Provider.YOUTUBE ? field(oEmbed, "title", EmbedHtml.MAX_TEXT)
                : sanitiser.text(field(oEmbed, "html", Integer.MAX_VALUE));
        if (text == null) {
            text = field(oEmbed, "title", EmbedHtml.MAX_TEXT);
        }
        String handle = handle(provider, authorUrl);
        return new EmbeddedPost(provider, url,
                authorName != null ? authorName : earlier == null ? null : earlier.authorName(),
                handle != null ? handle : earlier == null ? null : earlier.authorHandle(),
                authorUrl != null ? authorUrl : earlier == null ? null : earlier.authorUrl(),
                text != null ? text : earlier == null ? null : earlier.text(),
                earlier == null ? null : earlier.postedAt(),
                now, EmbeddedPost.SourceStatus.LIVE,
                html != null ? html : earlier == null ? null : earlier.html());
    }

    /** The author's handle, where the provider's profile URL shows it. */
    private static String handle(Provider provider, String authorUrl) {
        if (authorUrl == null) {
            return null;
        }
        URI uri = URI.create(authorUrl);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.isEmpty()) {
            return null;
        }
        if (provider == Provider.X || (provider == Provider.BLUESKY && path.startsWith("/profile/"))) {
            return "@" + last;
        }
        if (provider == Provider.MASTODON && last.startsWith("@")) {
            return last + "@" + uri.getHost();
        }
        return null;
    }

    private static String field(JsonNode node, String name, int max) {
        JsonNode value = node.path(name);
        if (!value.isString() || value.asString().isBlank()) {
            return null;
        }
        String text = value.asString().strip();
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static String httpUrl(String url) {
        try {
            return Inputs.optionalHttpUrl("url", url);
        } catch (ApiException e) {
            return null;
        }
    }
}
