package dev.broadsheet.comment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class CommentMutationController {

    private final CommentPosting posting;
    private final CommentModeration moderation;
    private final CommentRecount recount;

    CommentMutationController(CommentPosting posting, CommentModeration moderation, CommentRecount recount) {
        this.posting = posting;
        this.moderation = moderation;
        this.recount = recount;
    }

    @MutationMapping
    CommentRecount.Result recountComments(@Argument String articleId) {
        return recount.recount(articleId);
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
}
