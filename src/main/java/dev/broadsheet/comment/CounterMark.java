package dev.broadsheet.comment;

import org.bson.types.ObjectId;

/**
 * "Not yet counted": written on a comment in the same write as the fact that changes the counters (its
 * insert, or a moderation step), and cleared once the counters have taken it. BSON field {@code uncounted}
 * = {@code {op, article, parent}}. Each counter update is conditional on {@code op} not being applied yet,
 * so the sweeper can re-run whatever a crash left half done.
 *
 * @param op           unique id of this change (an ObjectId: its time tells the sweeper how old it is)
 * @param articleDelta change to the article's {@code commentCount}
 * @param parentDelta  change to the parent's {@code replyCount}
 */
record CounterMark(String op, int articleDelta, int parentDelta) {

    static final String FIELD = "uncounted";

    /** The counter effect of a comment moving from (wasPublished, wasShown) to (isPublished, isShown). */
    static CounterMark of(boolean wasPublished, boolean wasShown, boolean isPublished, boolean isShown) {
        return new CounterMark(new ObjectId().toHexString(), Integer.compare(isPublished ? 1 : 0, wasPublished ? 1 : 0),
                Integer.compare(isShown ? 1 : 0, wasShown ? 1 : 0));
    }

    static CounterMark created(Comment comment) {
        return of(false, false, comment.isVisible(), comment.isShown());
    }

    boolean changesNothing() {
        return articleDelta == 0 && parentDelta == 0;
    }
}
