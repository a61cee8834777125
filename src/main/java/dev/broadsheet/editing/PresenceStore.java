package dev.broadsheet.editing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.MongoCommandCounter;
import dev.broadsheet.store.Sequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code editing_presence} collection. A presence that starts, stops or lapses takes a number of
 * the write sequence (so other instances hear of it); a heartbeat only moves {@code lastSeen}.
 */
@Repository
class PresenceStore {

    static final String COLLECTION = "editing_presence";

    private final MongoCollection<EditorPresence> presence;
    private final Sequence sequence;
    private final ChangeEvents changes;

    PresenceStore(MongoDatabase database, Sequence sequence, ChangeEvents changes) {
        this.presence = database.getCollection(COLLECTION, EditorPresence.class);
        this.sequence = sequence;
        this.changes = changes;
        presence.createIndex(new Document("articleId", 1).append("active", 1));
        presence.createIndex(new Document("active", 1).append("lastSeen", 1));
    }

    Optional<EditorPresence> find(String id) {
        return ById.find(presence, id);
    }

    /** Stores a presence that started (or came back), announcing it. */
    void started(EditorPresence started) {
        long seq = sequence.next();
        EditorPresence stamped = new EditorPresence(started.id(), started.articleId(), started.editorId(),
                started.editorName(), started.since(), started.lastSeen(), true, seq);
        presence.replaceOne(eq("_id", stamped.id()), stamped, new ReplaceOptions().upsert(true));
        changes.written(COLLECTION, stamped.id(), seq);
    }

    /** Moves the heartbeat of an active presence; false when it is no longer active. */
    boolean heartbeat(String id, Instant now) {
        return presence.updateOne(and(eq("_id", id), eq("active", true)), Updates.set("lastSeen", now))
                .getMatchedCount() == 1;
    }

    /** Marks a presence gone, if it still is as {@code expectedLastSeen} says (null: whatever it is). */
    boolean gone(String id, Instant expectedLastSeen) {
        long seq = sequence.next();
        var filter = expectedLastSeen == null ? and(eq("_id", id), eq("active", true))
                : and(eq("_id", id), eq("active", true), eq("lastSeen", expectedLastSeen));
        boolean changed = presence.updateOne(filter, Updates.combine(Updates.set("active", false),
                Updates.set("seq", seq))).getModifiedCount() == 1;
        if (changed) {
            changes.written(COLLECTION, id, seq);
        }
        return changed;
    }

    /** Active presences seen after {@code since} on these articles: one query. */
    List<EditorPresence> activeOn(Collection<String> articleIds, Instant since) {
        return presence.find(and(in("articleId", articleIds), eq("active", true), gt("lastSeen", since)))
                .sort(new Document("since", 1).append("_id", 1)).into(new ArrayList<>());
    }

    /** Active presences whose last heartbeat is at or before {@code before} (the sweep: background). */
    List<EditorPresence> lapsed(Instant before, int limit) {
        return presence.find(and(eq("active", true), lte("lastSeen", before))).limit(limit)
                .comment(MongoCommandCounter.BACKGROUND).into(new ArrayList<>());
    }

    /** Deletes tombstones older than {@code before} (the sweep: background). */
    long deleteGone(Instant before) {
        return presence.deleteMany(and(eq("active", false), lt("lastSeen", before)),
                new DeleteOptions().comment(MongoCommandCounter.BACKGROUND)).getDeletedCount();
    }
}
