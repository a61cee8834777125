package dev.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.TestDatabase;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances share one database over TCP (a {@link TestDatabase}): B's caches follow A's writes. B's own
 * follower is slowed to once an hour and the test runs its rounds, so nothing depends on how fast the
 * machine is; {@code broadsheet.cache.follow-interval} (250 ms) is how often a real instance runs them.
 */
class TwoInstanceInvalidationTest {

    private static final String SLUG = "dock-workers-walk-out-over-pay-freeze";

    private TestDatabase database;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeEach
    void start() {
        database = TestDatabase.create(getClass().getSimpleName());
        a = Instances.start(database, "--broadsheet.sample.enabled=true");
        b = Instances.start(database, "--broadsheet.sample.enabled=false", "--broadsheet.cache.follow-interval=1h");
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
        database.close();
    }

    @Test
    void instanceBServesAnEditMadeOnInstanceAAfterOneRoundOfFollowing() {
        GraphQlHttp readerOnB = GraphQlHttp.at(Instances.port(b));
        String before = title(readerOnB);
        assertThat(title(readerOnB)).isEqualTo(before); // now cached on B

        ArticleService articlesOnA = a.getBean(ArticleService.class);
        Article article = articlesOnA.findPublished(SLUG, null).orElseThrow();
        articlesOnA.save(new Article(article.id(), article.slug(), "Edited on A", article.standfirst(),
                article.section(), article.tags(), article.authors(), article.status(), article.publishedAt(),
                article.updatedAt(), article.version() + 1, article.featuredImage(), article.body(),
                article.commentMode(), article.suppressDonations(), article.commentCount()));
        assertThat(title(readerOnB)).as("B before it follows: its cached copy").isEqualTo(before);

        b.getBean(ChangeFollower.class).poll();

        assertThat(title(readerOnB)).isEqualTo("Edited on A");
    }

    private static String title(GraphQlHttp client) {
        return client.document("article/articleLookup", Map.of("slug", SLUG)).data("article.title").asString();
    }

    /** Starting and addressing whole application instances against a database the test runs. */
    static final class Instances {

        static ConfigurableApplicationContext start(TestDatabase database, String... more) {
            return start(database.springArguments(), more);
        }

        static ConfigurableApplicationContext start(String mongoUri, String... more) {
            return start(List.of("--spring.mongodb.uri=" + mongoUri), more);
        }

        private static ConfigurableApplicationContext start(List<String> database, String... more) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
            args.addAll(database);
            args.addAll(List.of(more));
            return new SpringApplicationBuilder(BroadsheetApplication.class).run(args.toArray(String[]::new));
        }

        static int port(ConfigurableApplicationContext app) {
            return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        }
    }
}
