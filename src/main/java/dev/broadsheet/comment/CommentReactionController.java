package dev.broadsheet.comment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code reactToComment}, {@code Comment.reactions} and {@code Comment.isStaff}. */
@Controller
class CommentReactionController {

    /** What {@code Comment.reactions} shows. */
    record Reactions(int likes) {
    }

    private final CommentReactions reactions;

    CommentReactionController(CommentReactions reactions) {
        this.reactions = reactions;
    }

    @MutationMapping
    Comment reactToComment(@Argument String id, @Argument CommentReaction.Reaction reaction, @Argument String readerKey,
            @ContextValue(name = ClientAddressInterceptor.CONTEXT_KEY, required = false) String clientAddress) {
        return reactions.react(id, reaction, readerKey, clientAddress).asSeenByReaders();
    }

    @SchemaMapping(typeName = "Comment")
    Reactions reactions(Comment comment) {
        return new Reactions(comment.likeCount());
    }

    @SchemaMapping(typeName = "Comment")
    boolean isStaff(Comment comment) {
        return comment.staff();
    }
}
