package dev.broadsheet.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads of documents by {@code _id}, one or a batch of them. */
public final class ById {

    private ById() {
    }

    public static <T> Optional<T> find(MongoCollection<T> collection, String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** The documents found among {@code ids}, by id (ids not found are left out). */
    public static <T> Map<String, T> findAll(MongoCollection<T> collection, Collection<String> ids,
            Function<T, String> idOf) {
        Map<String, T> found = new HashMap<>();
        collection.find(in("_id", ids)).forEach(document -> found.put(idOf.apply(document), document));
        return found;
    }
}
