package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.broadsheet.ApiTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Export of the running application's database, imported into a fresh store, is the same database. */
@ApiTest
class StoreTransferTest {

    @Autowired
    MongoDatabase database;

    @Test
    void exportThenImportIntoAFreshStoreGivesIdenticalDocumentsInEveryCollection(@TempDir Path dir) {
        Map<String, Long> exported = StoreTransfer.export(database, dir);
        assertThat(exported).containsKeys("articles", "comments", "counters", "media_assets");

        try (EmbeddedMongoServer fresh = EmbeddedMongoServer.persistentIn(dir.resolve("fresh-data"), 0);
                MongoClient client = MongoClients.create(fresh.connectionString())) {
            MongoDatabase copy = client.getDatabase("broadsheet");
            assertThat(StoreTransfer.importInto(copy, dir, false)).isEqualTo(exported);
            for (String collection : exported.keySet()) {
                assertThat(all(copy, collection)).as(collection).isEqualTo(all(database, collection));
            }
            assertThatThrownBy(() -> StoreTransfer.importInto(copy, dir, false))
                    .hasMessageContaining("is not empty");
            assertThat(StoreTransfer.importInto(copy, dir, true)).isEqualTo(exported);
            assertThat(all(copy, "comments")).isEqualTo(all(database, "comments"));
        }
    }

    private static List<BsonDocument> all(MongoDatabase database, String collection) {
        return database.getCollection(collection, BsonDocument.class).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
