package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store refuses, with a message naming the file and what to do, files it must not use. */
class EmbeddedStoreFaultTest {

    @Test
    void aDamagedFileIsRefusedWithAPointerToRestore(@TempDir Path dataDir) throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            for (int i = 0; i < 200; i++) {
                client.getDatabase("broadsheet").getCollection("comments").insertOne(new Document("_id", "c" + i)
                        .append("body", "a comment body that fills the pages ".repeat(20)));
            }
        }
        Path file = dataDir.resolve("broadsheet.mv");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (long at = 4096; at < raw.length(); at += 512) {
                raw.seek(at);
                raw.write(new byte[64]);
            }
        }
        assertThatThrownBy(() -> EmbeddedMongoServer.persistentIn(dataDir, 0).close())
                .isInstanceOf(StoreStartupException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("is damaged")
                .satisfies(e -> assertThat(((StoreStartupException) e).action()).contains("import --from"));
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused(@TempDir Path dataDir) {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.persistentIn(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.persistentIn(dataDir, 0).close())
                    .isInstanceOf(StoreStartupException.class)
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void anAcknowledgedWriteIsInTheFileBeforeTheServerCloses(@TempDir Path dataDir) throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("broadsheet").getCollection("comments").insertOne(new Document("_id", "acknowledged"));
            // A second process can read the committed file while the first still holds its lock: copy it and open the copy.
            Path copy = dataDir.resolve("copy");
            Files.createDirectories(copy);
            Files.copy(dataDir.resolve("broadsheet.mv"), copy.resolve("broadsheet.mv"));
            try (EmbeddedMongoServer reader = EmbeddedMongoServer.persistentIn(copy, 0);
                    MongoClient readerClient = MongoClients.create(reader.connectionString())) {
                assertThat(readerClient.getDatabase("broadsheet").getCollection("comments")
                        .find(new Document("_id", "acknowledged")).first()).isNotNull();
            }
        } finally {
            server.close();
        }
    }
}
