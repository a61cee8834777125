package scratch;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RaceRateTest {
    @Test
    void rate() throws Exception {
        for (int pad : new int[] {200, 200, 1000, 1000}) {
            MongoServer server = new MongoServer(new MemoryBackend());
            String uri = server.bindAndGetConnectionString();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> c = client.getDatabase("x").getCollection("c");
                Document d = new Document("_id", "d").append("status", "A").append("left", 0);
                for (int i = 0; i < pad; i++) d.append("p" + i, "padding-value-" + i);
                d.append("right", 0);
                c.insertOne(d);
                AtomicBoolean reading = new AtomicBoolean(true);
                Thread writer = new Thread(() -> {
                    for (int n = 1; reading.get(); n++) {
                        c.updateOne(eq("_id", "d"), Updates.combine(Updates.set("status", n % 2 == 0 ? "A" : "B"),
                                Updates.set("left", n), Updates.set("right", n)));
                    }
                });
                writer.start();
                long t0 = System.nanoTime();
                int wrong = 0, reads = 0;
                for (; reads < 1000; reads++) {
                    for (Document f : c.find(eq("status", "A"))) {
                        if (!"A".equals(f.get("status")) || !f.get("left").equals(f.get("right"))) wrong++;
                    }
                }
                reading.set(false);
                writer.join();
                System.out.printf("PAD %d: %d wrong in %d reads, %d ms%n", pad, wrong, reads, (System.nanoTime() - t0) / 1_000_000);
            }
            server.shutdownNow();
        }
    }
}
