package dev.broadsheet.comment;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Cursor;
import java.util.Comparator;
import org.bson.Document;

/**
 * How a thread level is sorted. Every order is a keyset on (sort value, id); a cursor names the order
 * it was issued for, so it cannot resume a different one.
 */
public enum CommentOrder {
    OLDEST("o", new Document("createdAt", 1).append("_id", 1)),
    NEWEST("n", new Document("createdAt", -1).append("_id", -1)),
    MOST_REPLIES("r", new Document("replyCount", -1).append("_id", 1)),
    MOST_LIKED("l", new Document("likeCount", -1).append("_id", 1));

    private static final char SEPARATOR = '~';

    private final String tag;
    private final Document sort;

    CommentOrder(String tag, Document sort) {
        this.tag = tag;
        this.sort = sort;
    }

    Document sort() {
        return sort;
    }

    /** The same order as {@link #sort()}, for sorting in memory. */
    Comparator<Comment> comparator() {
        Comparator<Comment> byId = Comparator.comparing(Comment::id);
        return switch (this) {
            case OLDEST -> Comparator.comparing(Comment::createdAt).thenComparing(byId);
            case NEWEST -> Comparator.comparing(Comment::createdAt).thenComparing(byId).reversed();
            case MOST_REPLIES -> Comparator.comparingInt(Comment::replyCount).reversed().thenComparing(byId);
            case MOST_LIKED -> Comparator.comparingInt(Comment::likeCount).reversed().thenComparing(byId);
        };
    }

    String cursorOf(Comment comment) {
        long key = this == MOST_REPLIES ? comment.replyCount()
                : this == MOST_LIKED ? comment.likeCount() : comment.createdAt().toEpochMilli();
        return new Cursor(key, tag + SEPARATOR + comment.id()).encode();
    }

    /** The position a cursor of this order names, with the order tag removed; VALIDATION otherwise. */
    Cursor resume(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        String prefix = tag + SEPARATOR;
        if (!cursor.id().startsWith(prefix) || cursor.id().length() == prefix.length()) {
            throw ApiException.validation("after", "after is a cursor for a different orderBy; start again without after");
        }
        return new Cursor(cursor.sortKey(), cursor.id().substring(prefix.length()));
    }
}
