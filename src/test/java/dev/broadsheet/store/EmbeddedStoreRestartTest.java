package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data in files: a restart serves the same content, loaded once. (A test of
 * the embedded store itself: it uses it whatever {@code broadsheet.test.mongodb-uri} says.)
 */
class EmbeddedStoreRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheDataAndDoesNotLoadTheSampleTwice() {
        Response first;
        try (ConfigurableApplicationContext app = start()) {
            first = thread(app);
        }
        assertThat(Files.exists(dataDir.resolve("broadsheet.mv"))).isTrue();

        Response second;
        try (ConfigurableApplicationContext app = start()) {
            second = thread(app);
        }

        assertThat(first.data("article.commentCount").asInt()).isEqualTo(34);
        assertThat(second.data("article").toString()).isEqualTo(first.data("article").toString());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--server.port=0",
                "--broadsheet.store.data-dir=" + dataDir,
                "--spring.main.banner-mode=off");
    }

    private static Response thread(ConfigurableApplicationContext app) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Response response = GraphQlHttp.at(port).document("comment/thread",
                Map.of("slug", "dock-workers-walk-out-over-pay-freeze", "first", 50, "replies", 10));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response;
    }
}
