package dev.broadsheet.comment;

/** What an editor may do to a comment, and which statuses each action applies to. */
public enum ModerationAction {
    APPROVE(CommentStatus.PUBLISHED, CommentStatus.PENDING, CommentStatus.PUBLISHED),
    REJECT(CommentStatus.REJECTED, CommentStatus.PENDING),
    REMOVE(CommentStatus.REMOVED, CommentStatus.PUBLISHED),
    RESTORE(CommentStatus.PUBLISHED, CommentStatus.REMOVED, CommentStatus.REJECTED);

    private final CommentStatus target;
    private final CommentStatus[] from;

    ModerationAction(CommentStatus target, CommentStatus... from) {
        this.target = target;
        this.from = from;
    }

    CommentStatus target() {
        return target;
    }

    boolean appliesTo(CommentStatus status) {
        for (CommentStatus allowed : from) {
            if (allowed == status) {
                return true;
            }
        }
        return false;
    }
}
