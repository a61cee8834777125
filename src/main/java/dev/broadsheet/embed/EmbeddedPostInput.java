package dev.broadsheet.embed;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.time.Instant;

/** A snapshot as the admin UI captured it. Its HTML is sanitised like a fetched one. */
record EmbeddedPostInput(
        String authorName,
        String authorHandle,
        String authorUrl,
        String text,
        String html,
        Instant postedAt) {

    /** Checks every field (errors name paths under {@code path}) and returns the snapshot, LIVE as of {@code now}. */
    EmbeddedPost toPost(String path, EmbeddedPost.Provider provider, String url, Instant now, EmbedHtml sanitiser) {
        String name = trimmed(Inputs.optionalText(path + ".authorName", authorName, 200));
        String handle = trimmed(Inputs.optionalText(path + ".authorHandle", authorHandle, 200));
        String link = Inputs.optionalHttpUrl(path + ".authorUrl", trimmed(authorUrl));
        String words = trimmed(Inputs.optionalText(path + ".text", text, EmbedHtml.MAX_TEXT));
        String markup = sanitiser.sanitise(Inputs.optionalText(path + ".html", html, EmbedHtml.MAX_HTML));
        if (words == null && markup == null) {
            throw ApiException.validation(path + ".text", "a snapshot needs its text or its html");
        }
        if (postedAt != null && postedAt.isAfter(now)) {
            throw ApiException.validation(path + ".postedAt", "postedAt must not be in the future");
        }
        return new EmbeddedPost(provider, url, name, handle, link, words != null ? words : sanitiser.text(markup),
                postedAt, now, EmbeddedPost.SourceStatus.LIVE, markup);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
