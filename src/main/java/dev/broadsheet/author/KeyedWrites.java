package dev.broadsheet.author;

import com.mongodb.client.MongoCollection;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.Set;
import java.util.function.Function;

/**
 * The writes to one of the feature's collections, whose records are stored under their {@code key}: the
 * id (authors) or the slug (sections, tags). An update leaves {@code notUpdated} alone: the version (the
 * update counts it) and the slug where it is the key. Every write stamps the write sequence.
 */
record KeyedWrites<T extends Record>(MongoCollection<T> collection, Function<T, String> key, Set<String> notUpdated,
        StampedWrites writes, VersionedUpdate versioned) {

    /** Inserts a new entity; a key or slug already taken is a {@code DuplicateKeyException}. */
    void insert(T entity) {
        writes.insert(collection, key.apply(entity), entity);
    }

    /** Replaces the entity's fields if it is still at {@code expectedVersion}. */
    T update(T entity, long expectedVersion) {
        return versioned.apply(collection, key.apply(entity), expectedVersion,
                Codecs.setAll(collection, entity, notUpdated));
    }

    /** Writes from trusted code (sample content): insert or replace. */
    void save(T entity) {
        writes.upsert(collection, key.apply(entity), entity);
    }
}
