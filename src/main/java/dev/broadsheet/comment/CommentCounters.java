package dev.broadsheet.comment;

import dev.broadsheet.article.ArticleService;
import org.springframework.stereotype.Component;

/**
 * Keeps the visible counters right as comments change status, with atomic increments only (never a
 * recount), so concurrent posting and moderation cannot lose an update.
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

    /** After a comment moved from ({@code wasPublished}, {@code wasShown}) to its state in {@code now}. */
    void changed(Comment now, boolean wasPublished, boolean wasShown) {
        if (wasPublished != now.isVisible()) {
            articles.adjustCommentCount(now.articleId(), now.isVisible() ? 1 : -1);
        }
        if (wasShown != now.isShown() && now.parentId() != null) {
            adjustReplies(now.parentId(), now.isShown() ? 1 : -1);
        }
    }

    /** A new comment was stored. */
    void created(Comment comment) {
        changed(comment, false, false);
    }

    private void adjustReplies(String parentId, int delta) {
        String id = parentId;
        // Bounded by the depth cap: each step goes one level up.
        while (id != null) {
            Comment parent = store.incrementReplies(id, delta).orElse(null);
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
