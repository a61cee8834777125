package dev.broadsheet.embed;

import java.time.Instant;

/**
 * A social post as it was when embedded: kept with the article, so it still renders after the source
 * is deleted or unreachable.
 *
 * @param html the provider's embed markup after sanitising (no scripts, handlers or non-http links), or null
 */
public record EmbeddedPost(
        Provider provider,
        String url,
        String authorName,
        String authorHandle,
        String authorUrl,
        String text,
        Instant postedAt,
        Instant capturedAt,
        SourceStatus sourceStatus,
        String html) {

    /** A snapshot without embed markup. */
    public EmbeddedPost(Provider provider, String url, String authorName, String authorHandle, String authorUrl,
            String text, Instant postedAt, Instant capturedAt, SourceStatus sourceStatus) {
        this(provider, url, authorName, authorHandle, authorUrl, text, postedAt, capturedAt, sourceStatus, null);
    }

    public enum Provider { X, MASTODON, BLUESKY, YOUTUBE, INSTAGRAM, FACEBOOK, OTHER }

    public enum SourceStatus { LIVE, DELETED, UNAVAILABLE }

    EmbeddedPost withStatus(SourceStatus status) {
        return new EmbeddedPost(provider, url, authorName, authorHandle, authorUrl, text, postedAt, capturedAt, status, html);
    }
}
