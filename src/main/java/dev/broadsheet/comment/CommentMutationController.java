package dev.broadsheet.comment;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class CommentMutationController {

    private final CommentPosting posting;
    private final CommentModeration moderation;
    private final ArticleService articles;

    CommentMutationController(CommentPosting posting, CommentModeration moderation, ArticleService articles) {
        this.posting = posting;
        this.moderation = moderation;
        this.articles = articles;
    }

    @MutationMapping
    Comment postComment(@Argument PostCommentInput input,
            @ContextValue(name = ClientAddressInterceptor.CONTEXT_KEY, required = false) String clientAddress) {
        return posting.post(input, clientAddress);
    }

    @MutationMapping
    boolean reportComment(@Argument String id, @Argument String reason,
            @ContextValue(name = ClientAddressInterceptor.CONTEXT_KEY, required = false) String clientAddress) {
        return moderation.report(id, reason, clientAddress);
    }

    @MutationMapping
    Comment moderateComment(@Argument String id, @Argument ModerationAction action, @Argument String reason) {
        return moderation.moderate(id, action, reason);
    }

    @MutationMapping
    Article setCommentMode(@Argument String articleId, @Argument CommentMode mode, @Argument int expectedVersion) {
        return articles.setCommentMode(articleId, expectedVersion, mode);
    }
}
