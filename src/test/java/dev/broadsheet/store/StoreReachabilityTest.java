package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A start-up against a MongoDB that is not there says so in one line: the hosts tried and why, no credentials. */
class StoreReachabilityTest {

    @Test
    void aClosedPortIsReportedInOneLineWithTheHostsTried() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectionString uri = new ConnectionString("mongodb://newsroom:s3cret@localhost:" + closed + "/courier");
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS)).build();

        try (MongoClient client = MongoClients.create(settings)) {
            assertThatThrownBy(() -> StoreReachability.check(client.getDatabase("courier"), uri))
                    .isInstanceOf(StoreStartupException.class)
                    .satisfies(failure -> {
                        assertThat(failure.getMessage()).isEqualTo("Cannot reach MongoDB at localhost:" + closed
                                + " (database courier, from spring.mongodb.uri): Connection refused");
                        assertThat(((StoreStartupException) failure).action()).contains("SPRING_MONGODB_URI");
                    });
        }
    }
}
