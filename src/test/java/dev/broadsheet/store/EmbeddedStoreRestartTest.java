package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.Testers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The embedded default keeps its data in files: a restart serves the same content, loaded once. (A test of
 * the embedded store itself: it uses it whatever {@code broadsheet.test.mongodb-uri} says.) It must start the
 * application twice on one data directory, so it cannot share the {@code @ApiTest} one. Reads through Spring's
 * HttpGraphQlTester.
 */
class EmbeddedStoreRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheDataAndDoesNotLoadTheSampleTwice() {
        Map<String, Object> first;
        try (ConfigurableApplicationContext app = start()) {
            first = thread(app);
        }
        assertThat(Files.exists(dataDir.resolve("broadsheet.mv"))).isTrue();

        Map<String, Object> second;
        try (ConfigurableApplicationContext app = start()) {
            second = thread(app);
        }

        assertThat(first).containsEntry("commentCount", 34);
        assertThat(second).isEqualTo(first);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--server.port=0",
                "--broadsheet.store.data-dir=" + dataDir,
                "--spring.main.banner-mode=off");
    }

    /** The sample thread as a reader gets it. */
    private static Map<String, Object> thread(ConfigurableApplicationContext app) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        return Testers.anonymous(port).documentName("comment/thread")
                .variables(Map.of("slug", "dock-workers-walk-out-over-pay-freeze", "first", 50, "replies", 10))
                .execute().errors().verify().path("article").entity(new ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
    }
}
