package dev.broadsheet.comment;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
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

    /** As stored in {@link #FIELD}: {@code {op, article, parent}}. */
    BsonDocument toBson() {
        return new BsonDocument("op", new BsonString(op)).append("article", new BsonInt32(articleDelta))
                .append("parent", new BsonInt32(parentDelta));
    }

    static CounterMark fromBson(BsonDocument stored) {
        BsonInt32 zero = new BsonInt32(0);
        return new CounterMark(stored.getString("op").getValue(), stored.getNumber("article", zero).intValue(),
                stored.getNumber("parent", zero).intValue());
    }

    boolean changesNothing() {
        return articleDelta == 0 && parentDelta == 0;
    }
}
