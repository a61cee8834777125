package dev.broadsheet.comment;

import java.time.Instant;
import java.util.List;

/**
 * A reader comment, stored flat: its thread position is {@code parentId}, {@code ancestorIds} (root
 * first) and {@code depth} (0 for a comment on the article itself).
 *
 * @param body       sanitised HTML
 * @param replyCount direct replies readers can see
 */
public record Comment(
        String id,
        String articleId,
        String parentId,
        List<String> ancestorIds,
        int depth,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        int replyCount) {

    public boolean isVisible() {
        return status == CommentStatus.PUBLISHED;
    }
}
