package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.ExternalMongo;
import dev.broadsheet.MongoServerProcess;
import dev.broadsheet.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the tests' data lives: on the embedded server by default; with {@code broadsheet.test.mongodb-uri}
 * (or {@code broadsheet.test.mongodb-server=spawn}, or {@link ExternalMongo} on a subclass: a mongo-java-server
 * process) in a database of the context's own on that MongoDB, seen there by an independent client, and
 * dropped afterwards.
 */
@ApiTest
class ExternalMongoSwitchTest {

    @Autowired
    ObjectProvider<EmbeddedMongoServer> embedded;

    @Autowired
    MongoDatabase database;

    @Test
    void theApplicationUsesTheEmbeddedServerOrADatabaseOfItsOwnOnTheExternalOne() {
        Optional<String> external = TestDatabase.externalUri(getClass());
        if (getClass().isAnnotationPresent(ExternalMongo.class)) {
            assertThat(external).as("an @ExternalMongo class runs on a MongoDB named by a URI").isPresent();
        }
        if (external.isEmpty()) {
            assertThat(embedded.getIfAvailable()).as("the embedded server by default").isNotNull();
            return;
        }
        assertThat(embedded.getIfAvailable()).as("no embedded server with an external MongoDB").isNull();
        assertThat(database.getName()).startsWith("bstest_");
        try (MongoClient client = MongoClients.create(external.get())) {
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains(database.getName());
            assertThat(client.getDatabase(database.getName()).getCollection("articles").countDocuments())
                    .as("the sample content, written by the application, read by another client").isPositive();
        }
        MongoServerProcess.started().filter(server -> server.uri().equals(external.get())).ifPresent(server ->
                assertThat(server.pid()).as("a separate process").isNotEqualTo(ProcessHandle.current().pid()));
    }

    @Test
    void aTestDatabaseIsGoneAfterItIsClosed() {
        Optional<String> external = TestDatabase.externalUri(getClass());
        TestDatabase scratch = TestDatabase.create("scratch", external);
        try (MongoClient client = MongoClients.create(scratch.uri())) {
            client.getDatabase(scratch.database()).getCollection("things").insertOne(new Document("n", 1));
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains(scratch.database());

            scratch.close();

            if (external.isPresent()) {
                List<String> names = client.listDatabaseNames().into(new ArrayList<>());
                assertThat(names).doesNotContain(scratch.database());
            }
        }
    }
}
