package dev.broadsheet.editing;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One editor's presence on one article, stored as is by the driver's record codec. A presence that
 * stopped or lapsed stays as a tombstone ({@code active} false, a new {@code seq}) so that every
 * instance learns of it through the write sequence, and is deleted later.
 *
 * @param id       {@code articleId:editorId}
 * @param since    when this stretch of editing began
 * @param lastSeen the latest heartbeat
 */
// Public only because the driver's record codec reads components reflectively.
public record EditorPresence(
        @BsonId String id,
        String articleId,
        String editorId,
        String editorName,
        Instant since,
        Instant lastSeen,
        boolean active,
        long seq) {

    static String idOf(String articleId, String editorId) {
        return articleId + ":" + editorId;
    }

    /** The article a presence id names (article ids hold no colon). */
    static String articleIdOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? null : id.substring(0, colon);
    }
}
