package dev.broadsheet.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The global write sequence: every write a reader or partner can see stamps its document with the next
 * number, so other instances and partners can follow changes in order.
 */
@Component
public class Sequence {

    private static final String CHANGES = "changes";

    private final MongoCollection<Document> counters;
    private final List<LongConsumer> takers = new CopyOnWriteArrayList<>();

    Sequence(MongoDatabase database) {
        this.counters = database.getCollection("counters");
    }

    /** Tells {@code taker} each number this instance takes, before the write it stamps can commit. */
    public void onTaken(LongConsumer taker) {
        takers.add(taker);
    }

    public long next() {
        Document counter = counters.findOneAndUpdate(eq("_id", CHANGES), inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long taken = ((Number) counter.get("value")).longValue();
        takers.forEach(taker -> taker.accept(taken));
        return taken;
    }
}
