package dev.broadsheet.comment;

/**
 * Where a comment stands for moderators: the queue it is in now (null when in none) and how many
 * moderation steps it has had, so that a watcher can tell a new decision from a counter update.
 */
public record ModerationItem(String commentId, String articleId, ModerationQueue queue, CommentStatus status,
        int steps) {
}
