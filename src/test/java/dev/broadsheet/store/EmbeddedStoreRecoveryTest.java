package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that stops taking writes while the server runs (full, or gone read-only): H2 closes the MVStore
 * after the failed write. Writes are then refused as unavailable and never acknowledged, reads go on from
 * the file, and once the disk takes writes again the store reopens itself and takes writes, with every
 * acknowledged write still there.
 */
class EmbeddedStoreRecoveryTest {

    @AfterEach
    void freeTheDisk() {
        FailingDisk.free();
    }

    @Test
    void aDiskThatStopsTakingWritesIsRefusedThenRecoveredWithoutARestart(@TempDir Path dataDir) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0, FailingDisk.prefix());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> comments = client.getDatabase("broadsheet").getCollection("comments");
            insert(comments, "before", acknowledged);

            FailingDisk.fill();
            assertThatThrownBy(() -> insert(comments, "while-full", acknowledged))
                    .isInstanceOf(MongoException.class)
                    .satisfies(e -> assertThat(StoreFailures.isUnavailable(e)).as("classified as unavailable").isTrue());
            assertThat(server.writeRefusal()).contains("No space left on device");

            server.superviseNow(); // the disk still refuses: the test write fails, the file is reopened for reads
            assertThat(server.writeRefusal()).isNotNull();
            assertThat(ids(comments)).containsExactly("before");
            assertThatThrownBy(() -> insert(comments, "still-full", acknowledged))
                    .satisfies(e -> assertThat(StoreFailures.isUnavailable(e)).isTrue());

            FailingDisk.free();
            server.superviseNow();
            assertThat(server.writeRefusal()).isNull();
            insert(comments, "after", acknowledged);
            assertThat(ids(comments)).containsExactlyInAnyOrder("before", "after");
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.persistentIn(dataDir, 0);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(ids(client.getDatabase("broadsheet").getCollection("comments")))
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    private static void insert(MongoCollection<Document> comments, String id, List<String> acknowledged) {
        comments.insertOne(new Document("_id", id).append("body", "a comment"));
        acknowledged.add(id);
    }

    private static List<String> ids(MongoCollection<Document> comments) {
        List<String> ids = new ArrayList<>();
        comments.find().forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
