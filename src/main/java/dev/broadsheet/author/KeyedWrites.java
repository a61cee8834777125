package dev.broadsheet.author;

import com.mongodb.client.MongoCollection;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.Set;
import java.util.function.Function;

/**
 * The writes to one of the feature's collections, whose records are stored under their id (authors)
 * or their slug (sections, tags). Every write stamps the write sequence.
 */
final class KeyedWrites<T extends Record> {

    private final MongoCollection<T> collection;
    private final Function<T, String> key;
    /** What an update leaves alone: the version (the update counts it) and the slug where it is the key. */
    private final Set<String> notUpdated;
    private final StampedWrites writes;
    private final VersionedUpdate versioned;

    KeyedWrites(MongoCollection<T> collection, Function<T, String> key, Set<String> notUpdated, StampedWrites writes,
            VersionedUpdate versioned) {
        this.collection = collection;
        this.key = key;
        this.notUpdated = notUpdated;
        this.writes = writes;
        this.versioned = versioned;
    }

    /** Inserts a new record; a key or slug already taken is a {@code DuplicateKeyException}. */
    void insert(T record) {
        writes.insert(collection, key.apply(record), record);
    }

    /** Replaces the record's fields if it is still at {@code expectedVersion}. */
    T update(T record, long expectedVersion) {
        return versioned.apply(collection, key.apply(record), expectedVersion,
                Codecs.setAll(collection, record, notUpdated));
    }

    /** Writes from trusted code (sample content): insert or replace. */
    void save(T record) {
        writes.upsert(collection, key.apply(record), record);
    }
}
