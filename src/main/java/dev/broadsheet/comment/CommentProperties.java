package dev.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxDepth          the deepest {@code Comment.depth}; a reply below it attaches to the
 *                          ancestor at this depth and remembers whom it answered
 * @param maxBodyLength     body length in code points, after cleaning
 * @param maxAuthorNameLength author name length in code points
 * @param maxReasonLength   moderation and report reasons, in code points
 * @param reportThreshold   reports that put a published comment into the REPORTED queue
 * @param heldWords         words (matched whole, case-insensitively) that hold a comment for moderation
 * @param trustForwardedFor take the client address from the last X-Forwarded-For entry; only behind a
 *                          proxy that sets it
 */
@ConfigurationProperties("broadsheet.comments")
record CommentProperties(
        @DefaultValue("5") int maxDepth,
        @DefaultValue("5000") int maxBodyLength,
        @DefaultValue("80") int maxAuthorNameLength,
        @DefaultValue("500") int maxReasonLength,
        @DefaultValue("3") int reportThreshold,
        @DefaultValue({}) List<String> heldWords,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("false") boolean trustForwardedFor) {

    /**
     * @param posts          comments a client (address, and author name) may post per {@code period}
     * @param period         the refill period of those buckets
     * @param sameTextWindow how long the same text from the same address or name is refused
     */
    record RateLimit(
            @DefaultValue("1") int posts,
            @DefaultValue("3s") Duration period,
            @DefaultValue("6h") Duration sameTextWindow) {
    }
}
