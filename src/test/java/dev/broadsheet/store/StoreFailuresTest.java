package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.io.IOException;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    @Test
    void onlyOutagesAreUnavailable() {
        assertThat(StoreFailures.isUnavailable(new MongoSocketOpenException("refused", SERVER, new IOException()))).isTrue();
        assertThat(StoreFailures.isUnavailable(new MongoTimeoutException("no server selected"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new RuntimeException(command(14031, "cannot commit")))).isTrue();
        assertThat(StoreFailures.isUnavailable(command(2, "bad query"))).isFalse();
        assertThat(StoreFailures.isUnavailable(duplicate("slug"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aDuplicateKeyNamesTheField() {
        assertThat(StoreFailures.duplicateKeyField(duplicate("slug"))).contains("slug");
        assertThat(StoreFailures.duplicateKeyField(command(2, "bad query"))).isEmpty();
    }

    private static MongoCommandException command(int code, String message) {
        return new MongoCommandException(BsonDocument.parse("{ok: 0, code: " + code + ", errmsg: '" + message + "'}"), SERVER);
    }

    private static MongoWriteException duplicate(String field) {
        return new MongoWriteException(new WriteError(11000, "E11000 duplicate key error collection: broadsheet.articles index: "
                + field + "_1 dup key: { " + field + ": \"x\" }", new BsonDocument()), SERVER, Set.of());
    }
}
