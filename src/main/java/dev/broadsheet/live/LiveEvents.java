package dev.broadsheet.live;

import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.comment.CommentStatus;
import dev.broadsheet.comment.ModerationQueue;
import java.time.Instant;

/** What subscribers receive. */
final class LiveEvents {

    private LiveEvents() {
    }

    enum Kind { SAVED, PUBLISHED, UNPUBLISHED, SCHEDULED, ARCHIVED, EDITING }

    /** Someone who changed an article. */
    record By(String id, String name) {
    }

    /** An article was saved, published, unpublished, scheduled or archived, or who edits it changed. */
    record ArticleChanged(String articleId, Kind kind, long version, ArticleStatus status, By by, Instant at) {
    }

    /** A comment entered a moderation queue, moved, or left every queue ({@code queue} null). */
    record ModerationQueueChanged(String commentId, String articleId, ModerationQueue queue, CommentStatus status) {
    }
}
