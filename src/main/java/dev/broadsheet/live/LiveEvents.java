package dev.broadsheet.live;

import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.comment.CommentStatus;
import dev.broadsheet.comment.ModerationQueue;
import java.time.Instant;

/** What subscribers receive. */
public final class LiveEvents {

    private LiveEvents() {
    }

    public enum Kind { SAVED, PUBLISHED, UNPUBLISHED, SCHEDULED, ARCHIVED, EDITING }

    /** Someone who changed an article. */
    public record By(String id, String name) {
    }

    /**
     * An article was saved, published, unpublished, scheduled or archived, or who edits it changed.
     *
     * @param seq the write-sequence number announced: tells two otherwise equal events apart (fields
     *            added by other features are batch-loaded per event, keyed by the event)
     */
    public record ArticleChanged(String articleId, Kind kind, long version, ArticleStatus status, By by, Instant at,
            long seq) {
    }

    /** A comment entered a moderation queue, moved, or left every queue ({@code queue} null). */
    record ModerationQueueChanged(String commentId, String articleId, ModerationQueue queue, CommentStatus status) {
    }
}
