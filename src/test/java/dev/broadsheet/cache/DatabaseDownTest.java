package dev.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stale, not down: while MongoDB is unreachable cached reads answer, the rest fails fast and cleanly.
 * It stops and restarts the database, so it runs on an embedded server of its own even when the suite runs
 * against an external MongoDB ({@code broadsheet.test.mongodb-uri}).
 */
class DatabaseDownTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(10);
    private static final String SLUG = "dock-workers-walk-out-over-pay-freeze";
    private static final Map<String, Object> THREAD = Map.of("slug", SLUG, "first", 50, "replies", 10);
    private static final String ISSUE_TOKEN =
            "mutation { createApiToken(name: \"while down\", role: EDITOR) { secret } }";

    @TempDir
    Path dataDir;

    private H2Backend backend;
    private MongoServer server;
    private int port;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        stopDatabase();
    }

    @Test
    void cachedReadsKeepAnsweringAndEverythingElseFailsFastUntilTheDatabaseIsBack() throws Exception {
        port = freePort();
        startDatabase();
        app = TwoInstanceInvalidationTest.Instances.start("mongodb://127.0.0.1:" + port + "/broadsheet",
                "--broadsheet.sample.enabled=true", "--broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
                "--broadsheet.store.timeouts.heartbeat=500ms");
        GraphQlHttp reader = GraphQlHttp.at(TwoInstanceInvalidationTest.Instances.port(app));
        GraphQlHttp admin = reader.header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN);
        Response warm = reader.document("comment/thread", THREAD);
        assertThat(warm.hasErrors()).as(warm.body().toString()).isFalse();

        stopDatabase();

        Response stale = reader.document("comment/thread", THREAD);
        assertThat(stale.hasErrors()).as(stale.body().toString()).isFalse();
        assertThat(stale.data("article").toString()).isEqualTo(warm.data("article").toString());

        // Fails within the store timeouts (2 s), not the driver's 30 s defaults; the bound is loose on purpose.
        Response uncached = assertTimeout(FAIL_FAST, () -> reader.document("article/articleLookup",
                Map.of("slug", "never-read-before")));
        assertThat(uncached.firstErrorCode()).isEqualTo("UNAVAILABLE");
        assertThat(uncached.body().toString()).doesNotContainIgnoringCase("mongo").doesNotContain("127.0.0.1");

        Response write = assertTimeout(FAIL_FAST, () -> admin.query(ISSUE_TOKEN, Map.of()));
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.firstErrorCode()).isEqualTo("UNAVAILABLE");

        startDatabase();

        // The driver notices the server is back at its next heartbeat (every 500 ms here).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !reader.document("article/articleLookup", Map.of("slug", "never-read-before")).hasErrors());
        Response written = admin.query(ISSUE_TOKEN, Map.of());
        assertThat(written.data("createApiToken.secret").asString(null)).isNotNull();
    }

    private void startDatabase() {
        backend = new H2Backend(dataDir.resolve("down.mv").toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    private void stopDatabase() {
        if (server != null) {
            server.shutdownNow();
            backend.close();
            server = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
