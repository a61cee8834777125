package dev.broadsheet.embed;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An embedded post an editor registered: its current snapshot (copied into articles that embed it)
 * and how the last fetch from the provider went.
 *
 * @param lastFetch null when the snapshot was sent by the admin UI and never fetched
 * @param createdAt null for entries stored without one
 */
public record Embed(
        @BsonId String id,
        String url,
        EmbeddedPost.Provider provider,
        EmbeddedPost snapshot,
        Fetch lastFetch,
        Instant createdAt,
        String createdBy,
        long version) {

    /** @param error why the fetch failed, or null when it succeeded */
    public record Fetch(Instant at, boolean succeeded, String error) {

        static Fetch ok(Instant at) {
            return new Fetch(at, true, null);
        }

        static Fetch failed(Instant at, String error) {
            return new Fetch(at, false, error);
        }
    }
}
