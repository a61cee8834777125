package dev.broadsheet.comment;

import dev.broadsheet.article.ArticleService;
import org.springframework.stereotype.Component;

/**
 * Applies what a {@link CounterMark} says to the counters, with conditional, idempotent increments only
 * (never a recount on the hot path), then clears the mark. Re-running it is harmless.
 * <ul>
 * <li>{@code Article.commentCount}: published comments.</li>
 * <li>{@code Comment.replyCount}: direct replies shown in the thread. A removed comment is shown, as a
 * placeholder, while it has shown replies; so when its count moves between 0 and 1 its own parent's
 * count moves too, up the thread.</li>
 * </ul>
 */
@Component
class CommentCounters {

    private final CommentStore store;
    private final ArticleService articles;

    CommentCounters(CommentStore store, ArticleService articles) {
        this.store = store;
        this.articles = articles;
    }

    /** Applies {@code mark}, left on {@code comment} by the write that changed it, and clears it. */
    void apply(Comment comment, CounterMark mark) {
        if (mark.articleDelta() != 0) {
            articles.applyCommentCount(comment.articleId(), mark.articleDelta(), mark.op());
        }
        if (mark.parentDelta() != 0 && comment.parentId() != null) {
            adjustReplies(comment.parentId(), mark.parentDelta(), mark.op());
        }
        store.clearMark(comment.id(), mark.op());
    }

    private void adjustReplies(String parentId, int delta, String op) {
        String id = parentId;
        // Bounded by the depth cap: each step goes one level up.
        while (id != null) {
            Comment parent = store.incrementReplies(id, delta, op).orElse(null);
            if (parent == null || parent.status() != CommentStatus.REMOVED) {
                return;
            }
            boolean wasShown = parent.replyCount() - delta > 0;
            if (wasShown == parent.isShown()) {
                return;
            }
            id = parent.parentId();
        }
    }
}
