package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.store.MongoCommandCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ArticleCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    MongoCommandCounter commands;

    @Test
    void fiveHundredConcurrentReadsOfAColdArticleLoadItOnce() throws Exception {
        articles.save(article("stampede", "Cold", ArticleStatus.PUBLISHED));
        ExecutorService pool = Executors.newFixedThreadPool(500);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Article>>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                reads.add(pool.submit(() -> {
                    go.await();
                    return articles.findPublished("stampede", null);
                }));
            }
            Thread.sleep(200);
            long before = commands.total();
            go.countDown();
            for (Future<Optional<Article>> read : reads) {
                assertThat(read.get()).map(Article::title).contains("Cold");
            }
            assertThat(commands.total() - before).as("MongoDB commands for 500 reads").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEditorReadsTheirOwnWriteAtOnce() {
        GraphQlHttp client = GraphQlHttp.at(port);
        articles.save(article("own-write", "First", ArticleStatus.PUBLISHED));
        assertThat(title(client, "own-write")).isEqualTo("First");
        assertThat(latestSlugs(client)).contains("own-write");

        articles.save(article("own-write", "Second", ArticleStatus.PUBLISHED));
        assertThat(title(client, "own-write")).isEqualTo("Second");

        articles.save(article("own-write", "Withdrawn", ArticleStatus.ARCHIVED));
        assertThat(client.document("article/articleLookup", Map.of("slug", "own-write")).data("article").isNull())
                .isTrue();
        assertThat(latestSlugs(client)).doesNotContain("own-write");
    }

    @Test
    void publishingASlugThatWasLookedUpBeforeShowsIt() {
        GraphQlHttp client = GraphQlHttp.at(port);
        assertThat(client.document("article/articleLookup", Map.of("slug", "not-yet")).data("article").isNull())
                .isTrue();

        articles.save(article("not-yet", "Now", ArticleStatus.PUBLISHED));

        assertThat(title(client, "not-yet")).isEqualTo("Now");
    }

    private static String title(GraphQlHttp client, String slug) {
        return client.document("article/articleLookup", Map.of("slug", slug)).data("article.title").asString();
    }

    private static List<String> latestSlugs(GraphQlHttp client) {
        List<String> slugs = new ArrayList<>();
        client.document("article/latest", Map.of("first", 100)).data("articles.edges")
                .forEach(edge -> slugs.add(edge.path("node").path("slug").asString()));
        return slugs;
    }

    static Article article(String slug, String title, ArticleStatus status) {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        return new Article(slug, slug, title, null, "news", List.of(), List.of(), status, at, at, 1, null,
                List.of(), CommentMode.OPEN, false, 0);
    }
}
