package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on a disk that has no room: a start is refused with one line and leaves the file as it was,
 * writes stop before the disk is full and resume once it has room, a commit cut short by the disk loses nothing
 * acknowledged, and an interrupted opening is not mistaken for a damaged file.
 */
class FullDiskRestartTest {

    @AfterEach
    void freeTheDisk() {
        SmallDisk.unlimited();
        Thread.interrupted();
    }

    @Test
    void aStartOnAFullDiskIsRefusedAndLeavesTheFileAsItWas(@TempDir Path dataDir) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0, SmallDisk.prefix());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> comments = comments(client);
            for (int i = 0; i < 20; i++) {
                insert(comments, "c" + i, acknowledged);
            }
        }
        Path file = dataDir.resolve("broadsheet.mv");
        byte[] before = Files.readAllBytes(file);

        SmallDisk.freeBytes(0);
        Throwable refused = catchThrowable(() -> EmbeddedMongoServer.persistentIn(dataDir, 0, SmallDisk.prefix()).close());
        assertThat(Arrays.mismatch(Files.readAllBytes(file), before)).as("first byte the refused start changed").isEqualTo(-1);
        assertThat(refused).isInstanceOf(StoreStartupException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("the disk is full")
                .satisfies(e -> assertThat(((StoreStartupException) e).action()).contains("Give the disk room"));

        SmallDisk.unlimited();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0, SmallDisk.prefix());
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(ids(comments(client))).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    @Test
    void aCommitCutShortByAFullDiskLosesNothingAcknowledged(@TempDir Path dataDir) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0, SmallDisk.prefix());
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> comments = comments(client);
            for (int i = 0; i < 20; i++) {
                insert(comments, "before" + i, acknowledged);
            }
            // Room for a part of the next chunks only: a commit is cut short half-way through its chunk.
            SmallDisk.freeBytes(20_000);
            for (int i = 0; i < 400 && server.writeRefusal() == null; i++) {
                try {
                    insert(comments, "while-filling" + i, acknowledged);
                } catch (RuntimeException refused) {
                    assertThat(StoreFailures.isUnavailable(refused)).as("refused as unavailable: " + refused).isTrue();
                }
            }
            assertThat(server.writeRefusal()).contains("No space left on device");
            server.superviseNow(); // reopened for reads from the file the failed commit left
            assertThat(ids(comments)).containsAll(acknowledged);
        }
        SmallDisk.unlimited();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(ids(comments(client))).containsAll(acknowledged);
        }
    }

    @Test
    void writesStopBeforeTheDiskIsFullAndResumeOnceItHasRoomAgain(@TempDir Path dataDir) throws Exception {
        AtomicLong free = new AtomicLong(100L << 20);
        List<String> acknowledged = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0, "", free::get);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> comments = comments(client);
            insert(comments, "before", acknowledged);

            free.set(5L << 20);
            server.superviseNow();
            assertThat(server.writeRefusal()).contains("5242880 bytes free").contains("refused below 8 MiB");
            assertThatWriteIsRefused(comments, "nearly-full");
            assertThat(ids(comments)).containsExactly("before");

            free.set(10L << 20); // over the floor, but under the level writes resume at
            server.superviseNow();
            assertThatWriteIsRefused(comments, "still-nearly-full");

            free.set(20L << 20);
            server.superviseNow();
            assertThat(server.writeRefusal()).isNull();
            insert(comments, "after", acknowledged);
        }
        free.set(5L << 20);
        assertThatThrownBy(() -> EmbeddedMongoServer.persistentIn(dataDir, 0, "", free::get).close())
                .isInstanceOf(StoreStartupException.class)
                .hasMessageContaining("the disk is full (5242880 bytes free");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistentIn(dataDir, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(ids(comments(client))).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    private static void assertThatWriteIsRefused(MongoCollection<Document> comments, String id) {
        assertThatThrownBy(() -> comments.insertOne(new Document("_id", id)))
                .satisfies(e -> assertThat(StoreFailures.isUnavailable(e)).as("refused as unavailable: " + e).isTrue());
    }

    @Test
    void anInterruptedOpeningIsNotReportedAsADamagedFile(@TempDir Path dataDir) {
        Path file = dataDir.resolve("broadsheet.mv");
        // A file closed without its clean-shutdown mark (as after a failed commit): opening it scans its chunks.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<Integer, String> map = store.openMap("databases.broadsheet.comments");
        for (int i = 0; i < 50; i++) {
            map.put(i, "comment body ".repeat(100));
            store.commit();
        }
        store.closeImmediately();

        List<String> failures = new ArrayList<>();
        for (int read = 1; read <= 12; read++) {
            InterruptingDisk.interruptAtRead(read);
            try {
                EmbeddedStoreFile.openReadOnly(file, InterruptingDisk.prefix()).closeImmediately();
            } catch (StoreStartupException e) {
                failures.add(e.getMessage());
            } finally {
                Thread.interrupted();
            }
        }
        InterruptingDisk.interruptAtRead(Integer.MAX_VALUE);
        assertThat(failures).isNotEmpty().allSatisfy(message -> assertThat(message)
                .contains("was interrupted").doesNotContain("damaged"));
        MVStore reopened = EmbeddedStoreFile.openReadOnly(file, "");
        assertThat(reopened.<Integer, String>openMap("databases.broadsheet.comments").size()).isEqualTo(50);
        reopened.closeImmediately();
    }

    private static MongoCollection<Document> comments(MongoClient client) {
        return client.getDatabase("broadsheet").getCollection("comments");
    }

    private static void insert(MongoCollection<Document> comments, String id, List<String> acknowledged) {
        comments.insertOne(new Document("_id", id).append("body", "a comment body ".repeat(40)));
        acknowledged.add(id);
    }

    private static List<String> ids(MongoCollection<Document> comments) {
        List<String> ids = new ArrayList<>();
        comments.find().forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
