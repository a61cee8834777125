package dev.broadsheet.comment;

import dev.broadsheet.article.ArticleService;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Recomputes an article's comment counters from the comments themselves (admins): commentCount is its
 * published comments, each replyCount its shown direct replies, deepest first so placeholders are right.
 * Meant for a quiet moment: a comment posted while it runs may be counted twice (recount again).
 */
@Service
class CommentRecount {

    private final CommentStore store;
    private final ArticleService articles;
    private final Callers callers;
    private final AuditLog audit;

    CommentRecount(CommentStore store, ArticleService articles, Callers callers, AuditLog audit) {
        this.store = store;
        this.articles = articles;
        this.callers = callers;
        this.audit = audit;
    }

    /** What a recount found. */
    record Result(String articleId, int commentCount, int replyCountsCorrected) {
    }

    Result recount(String articleId) {
        Caller admin = callers.require(Role.ADMIN);
        if (articleId == null || articleId.isBlank()) {
            throw ApiException.validation("articleId", "articleId is required");
        }
        // Marks first: the recount below reflects every stored comment, so their pending increments are moot.
        store.clearMarks(articleId);
        List<Comment> all = new ArrayList<>(store.findAllOnArticle(articleId));
        all.sort(Comparator.comparingInt(Comment::depth).reversed());
        Map<String, Integer> shownReplies = new HashMap<>();
        int corrected = 0;
        int published = 0;
        for (Comment comment : all) {
            int replies = shownReplies.getOrDefault(comment.id(), 0);
            if (comment.replyCount() != replies && store.setReplyCount(comment.id(), replies)) {
                corrected++;
            }
            if (comment.parentId() != null && Comment.isShown(comment.status(), replies)) {
                shownReplies.merge(comment.parentId(), 1, Integer::sum);
            }
            if (comment.isVisible()) {
                published++;
            }
        }
        if (!articles.setCommentCount(articleId, published)) {
            throw ApiException.notFound("No article with that id");
        }
        audit.record(admin, "recountComments", "article", articleId, 0);
        return new Result(articleId, published, corrected);
    }
}
