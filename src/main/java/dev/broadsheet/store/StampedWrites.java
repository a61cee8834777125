package dev.broadsheet.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Writes that readers or partners can see: each stamps its document with the next write sequence
 * number in the same single-document write, then tells the listeners ({@link ChangeEvents}).
 */
@Component
public class StampedWrites {

    private final Sequence sequence;
    private final ChangeEvents changes;

    StampedWrites(Sequence sequence, ChangeEvents changes) {
        this.sequence = sequence;
        this.changes = changes;
    }

    /** Inserts {@code value}; a unique-index clash is a {@link DuplicateKeyException}. */
    public <T> void insert(MongoCollection<T> collection, String id, T value) {
        long seq = sequence.next();
        BsonDocument document = stamped(collection, value, seq);
        DuplicateKeyException.translate(() -> collection.withDocumentClass(BsonDocument.class).insertOne(document));
        changes.written(collection.getNamespace().getCollectionName(), id, seq);
    }

    /** Inserts or replaces document {@code id} with {@code value}. */
    public <T> void upsert(MongoCollection<T> collection, String id, T value) {
        long seq = sequence.next();
        BsonDocument document = stamped(collection, value, seq);
        DuplicateKeyException.translate(() -> collection.withDocumentClass(BsonDocument.class)
                .replaceOne(eq("_id", id), document, new ReplaceOptions().upsert(true)));
        changes.written(collection.getNamespace().getCollectionName(), id, seq);
    }

    /** Applies {@code change} to document {@code id} without a version check (counters, say). */
    public void update(MongoCollection<?> collection, String id, Bson change) {
        long seq = sequence.next();
        collection.updateOne(eq("_id", id), Updates.combine(change, Updates.set("seq", seq)));
        changes.written(collection.getNamespace().getCollectionName(), id, seq);
    }

    /**
     * Applies {@code change} to document {@code id} if it also matches {@code condition}; true when it matched.
     * Listeners hear of it only when something changed.
     */
    public boolean updateWhere(MongoCollection<?> collection, String id, Bson condition, Bson change) {
        long seq = sequence.next();
        UpdateResult result = collection.updateOne(and(eq("_id", id), condition),
                Updates.combine(change, Updates.set("seq", seq)));
        if (result.getModifiedCount() > 0) {
            changes.written(collection.getNamespace().getCollectionName(), id, seq);
        }
        return result.getMatchedCount() > 0;
    }

    private static <T> BsonDocument stamped(MongoCollection<T> collection, T value, long seq) {
        BsonDocument document = Codecs.encode(collection, value);
        document.put("seq", new BsonInt64(seq));
        return document;
    }
}
