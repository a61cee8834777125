package dev.broadsheet.cache;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoClientSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.broadsheet.ApiTest;
import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Testers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Stale, not down: while MongoDB is unreachable cached reads answer, the rest fails fast and cleanly.
 * It stops and restarts the database, so it runs on an embedded server of its own even when the suite runs
 * against an external MongoDB ({@code broadsheet.test.mongodb-uri}). Reads go through Spring's HttpGraphQlTester;
 * the write keeps {@link GraphQlHttp}, as its 503 status is the point.
 *
 * <p>"Fast" is the store timeouts reaching the driver (checked on its settings, not on a stopwatch): a call fails
 * after 2 s, not the driver's 30. The uncached read and the write wait those 2 s at the same time. (Shorter store
 * timeouts made the application's start-up ping fail on a busy machine.)
 */
class DatabaseDownTest {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    private static final Map<String, Object> THREAD =
            Map.of("slug", "dock-workers-walk-out-over-pay-freeze", "first", 50, "replies", 10);
    private static final Map<String, Object> NEVER_READ = Map.of("slug", "never-read-before");
    private static final Map<String, Object> ISSUE_TOKEN = Map.of("name", "while down", "role", "EDITOR");

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
        app = new SpringApplicationBuilder(BroadsheetApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.mongodb.uri=mongodb://127.0.0.1:" + port + "/broadsheet",
                "--broadsheet.sample.enabled=true", "--broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
                "--broadsheet.store.timeouts.heartbeat=500ms");
        int appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpGraphQlTester reader = Testers.anonymous(appPort);
        HttpGraphQlTester admin = reader.mutate().header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN).build();
        Object warm = thread(reader).errors().verify().path("article").entity(Object.class).get();

        stopDatabase();

        thread(reader).errors().verify().path("article").entity(Object.class).isEqualTo(warm);
        assertThat(driverSettings().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .as("an uncached call fails after the store timeout, not the driver's 30 s")
                .isEqualTo(STORE_TIMEOUT.toMillis());
        CompletableFuture<GraphQlTester.Response> uncachedRead = CompletableFuture.supplyAsync(() ->
                reader.documentName("article/articleLookup").variables(NEVER_READ).execute());
        Response write = GraphQlHttp.at(appPort).header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN)
                .document("security/createToken", ISSUE_TOKEN);
        GraphQlTester.Response uncached = uncachedRead.join();

        assertThat(firstError(uncached)).containsEntry("code", "UNAVAILABLE");
        assertThat(uncached.returnResponse().toMap().toString()).doesNotContainIgnoringCase("mongo")
                .doesNotContain("127.0.0.1");
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.firstErrorCode()).isEqualTo("UNAVAILABLE");

        startDatabase();

        // The driver notices the server is back at its next heartbeat (every 500 ms here).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                reader.documentName("article/articleLookup").variables(NEVER_READ).execute().returnResponse()
                        .getErrors().isEmpty());
        admin.documentName("security/createToken").variables(ISSUE_TOKEN).execute()
                .path("createApiToken.secret").entity(String.class).satisfies(secret -> assertThat(secret).isNotBlank());
    }

    private static GraphQlTester.Response thread(HttpGraphQlTester reader) {
        return reader.documentName("comment/thread").variables(THREAD).execute();
    }

    /** The driver settings the application's store timeouts make. */
    private MongoClientSettings driverSettings() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        app.getBean("storeTimeoutsCustomizer", MongoClientSettingsBuilderCustomizer.class).customize(builder);
        return builder.build();
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
