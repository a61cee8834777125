package dev.broadsheet.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.broadsheet.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read racing writes on the embedded store sees each document whole, as of one write: never a
 * document that does not match the query it answered, never one half-updated. (mongo-java-server
 * alone returned both: one writer flipping a status, one reader querying by it, saw 8 wrong documents
 * in 24,764 reads of a small document. The thousand fields between {@code left} and {@code right} here
 * widen the window in which a reply is encoded: without the copy, this test found its five wrong
 * documents in every run tried.)
 */
@ApiTest
class ReadIsolationTest {

    @Autowired
    MongoDatabase database;

    @Test
    void aReadRacingUpdatesSeesEachDocumentWholeAndMatchingItsQuery() throws Exception {
        MongoCollection<Document> scratch = database.getCollection("read_isolation_" + System.nanoTime());
        Document document = new Document("_id", "d").append("status", "A").append("left", 0);
        for (int field = 0; field < 1_000; field++) {
            document.append("field" + field, "between left and right");
        }
        scratch.insertOne(document.append("right", 0));
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int n = 1; reading.get(); n++) {
                scratch.updateOne(eq("_id", "d"), Updates.combine(Updates.set("status", n % 2 == 0 ? "A" : "B"),
                        Updates.set("left", n), Updates.set("right", n)));
            }
        });
        writer.start();
        List<Document> wrong = new ArrayList<>();
        try {
            for (int read = 0; read < 2_000 && wrong.size() < 5; read++) {
                for (Document found : scratch.find(eq("status", "A"))) {
                    if (!"A".equals(found.get("status")) || !found.get("left").equals(found.get("right"))) {
                        wrong.add(found);
                    }
                }
            }
        } finally {
            reading.set(false);
            writer.join();
            scratch.drop();
        }
        assertThat(wrong).as("documents not matching their query, or half-updated").isEmpty();
    }
}
