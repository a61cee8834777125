package dev.broadsheet.comment;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One reader's reaction to one comment: the commit point of a like. Its id joins the comment and the
 * hashed reader key, so a reader can like a comment once however often they ask.
 *
 * @param readerKey a hash of the key the front end sends (never the key itself)
 * @param counted   false until the comment's {@code likeCount} includes it; the sweeper repairs what a
 *                  crash left false
 *                  (public only because the driver's record codec reads it reflectively)
 */
public record CommentReaction(@BsonId String id, String commentId, String readerKey, Reaction reaction, Instant at,
        boolean counted) {

    public enum Reaction { LIKE }

    static String idOf(String commentId, String readerKey, Reaction reaction) {
        return commentId + ":" + reaction.name() + ":" + readerKey;
    }
}
