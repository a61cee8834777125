package dev.broadsheet.embed;

import java.time.Instant;

/**
 * A social post as it was when embedded: kept with the article, so it still renders after the source
 * is deleted or unreachable.
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
        SourceStatus sourceStatus) {

    public enum Provider { X, MASTODON, BLUESKY, YOUTUBE, INSTAGRAM, FACEBOOK, OTHER }

    public enum SourceStatus { LIVE, DELETED, UNAVAILABLE }
}
