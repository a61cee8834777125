package dev.broadsheet.comment;

/** The lists an editor works through. A comment is in at most one at a time. */
public enum ModerationQueue {
    /** Waiting because the article is premoderated. */
    PENDING,
    /** Held automatically on an open article: links or listed words. */
    WITHHELD,
    /** Published, and reported by readers at least the configured number of times. */
    REPORTED,
    /** Removed or rejected: where a mistaken decision is found and restored. */
    REMOVED;

    /** The queue a comment in {@code status} belongs to; null for published, unreported comments. */
    static ModerationQueue of(CommentStatus status, HoldReason heldFor) {
        switch (status) {
            case PENDING:
                return heldFor == null || heldFor == HoldReason.PREMODERATED ? PENDING : WITHHELD;
            case REJECTED:
            case REMOVED:
                return REMOVED;
            default:
                return null;
        }
    }
}
