package dev.broadsheet.comment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.DuplicateKeyException;
import dev.broadsheet.store.MongoCommandCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The {@code comment_reactions} collection (driver record codec): one document per reader and comment. */
@Repository
class ReactionStore {

    private final MongoCollection<CommentReaction> reactions;

    ReactionStore(MongoDatabase database) {
        this.reactions = Codecs.collection(database, "comment_reactions", CommentReaction.class);
        reactions.createIndex(Indexes.ascending("counted", "at"));
        reactions.createIndex(Indexes.ascending("commentId"));
    }

    boolean exists(String id) {
        return reactions.countDocuments(eq("_id", id)) > 0;
    }

    /** Stores a new reaction; false when this reader already reacted so (the id is taken). */
    boolean insert(CommentReaction reaction) {
        try {
            DuplicateKeyException.translate(() -> reactions.insertOne(reaction));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void markCounted(String id) {
        reactions.updateOne(eq("_id", id), Updates.set("counted", true));
    }

    /** Reactions not yet counted that were stored before {@code before} (their request is over). */
    List<CommentReaction> uncounted(Instant before, int limit) {
        return reactions.find(and(eq("counted", false), lt("at", before))).limit(limit)
                .comment(MongoCommandCounter.BACKGROUND).into(new ArrayList<>());
    }

    int count(String commentId, CommentReaction.Reaction reaction) {
        return (int) reactions.countDocuments(and(eq("commentId", commentId), eq("reaction", reaction.name())));
    }

    void markAllCounted(String commentId) {
        reactions.updateMany(and(eq("commentId", commentId), eq("counted", false)), Updates.set("counted", true));
    }
}
