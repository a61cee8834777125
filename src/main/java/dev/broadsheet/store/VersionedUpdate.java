package dev.broadsheet.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Optimistic concurrency for editable documents: an update names the version it read, and applies
 * only if the document is still at that version. The same single-document update bumps the version
 * and stamps the next write sequence number, so it is the commit point.
 */
@Component
public class VersionedUpdate {

    private final Sequence sequence;
    private final ChangeEvents changes;

    VersionedUpdate(Sequence sequence, ChangeEvents changes) {
        this.sequence = sequence;
        this.changes = changes;
    }

    /**
     * Applies {@code changes} to document {@code id} if it is at {@code expectedVersion}; returns the
     * document after the update. Throws {@link NoSuchDocumentException} or {@link VersionConflictException}
     * (and {@link DuplicateKeyException} when the change breaks a unique index), changing nothing.
     */
    public <T> T apply(MongoCollection<T> collection, String id, long expectedVersion, List<Bson> changes) {
        return apply(collection, id, expectedVersion, new Document(), changes);
    }

    /**
     * As {@link #apply(MongoCollection, String, long, List)}, but only while {@code condition} also holds
     * (checked in the same single-document update); if it does not, a {@link VersionConflictException}.
     * For writers whose change is right only in the state they found the document in (the scheduler
     * publishes only what is still SCHEDULED, whatever version it was handed).
     */
    public <T> T apply(MongoCollection<T> collection, String id, long expectedVersion, Bson condition, List<Bson> changes) {
        List<Bson> update = new ArrayList<>(changes);
        long seq = sequence.next();
        update.add(Updates.inc("version", 1L));
        update.add(Updates.set("seq", seq));
        String name = collection.getNamespace().getCollectionName();
        T updated = DuplicateKeyException.translate(() -> collection.findOneAndUpdate(
                and(eq("_id", id), eq("version", expectedVersion), condition), Updates.combine(update),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        if (updated != null) {
            this.changes.written(name, id, seq);
            return updated;
        }
        Document current = collection.withDocumentClass(Document.class).find(eq("_id", id))
                .projection(new Document("version", 1)).first();
        if (current == null) {
            throw new NoSuchDocumentException(name, id);
        }
        throw new VersionConflictException(name, id, expectedVersion, ((Number) current.get("version")).longValue());
    }
}
