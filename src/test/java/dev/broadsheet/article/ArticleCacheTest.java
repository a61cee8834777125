package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.store.MongoCommandCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The article read cache: one load for a stampede, and an editor's writes visible at once. The command count
 * is exact: background work (scheduled publishing, change following, sweepers) tags its commands
 * {@link MongoCommandCounter#BACKGROUND}, which the counter leaves out.
 */
@ApiTest
class ArticleCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    MongoCommandCounter commands;

    HttpGraphQlTester reader;

    @BeforeEach
    void connect() {
        reader = Editorial.tester(port, null);
    }

    @Test
    void fiveHundredConcurrentReadsOfAColdArticleLoadItOnce() throws Exception {
        articles.save(article("stampede", "Cold", ArticleStatus.PUBLISHED));
        ExecutorService pool = Executors.newFixedThreadPool(500);
        CountDownLatch ready = new CountDownLatch(500);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Article>>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                reads.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return articles.findPublished("stampede", null);
                }));
            }
            ready.await();
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
        articles.save(article("own-write", "First", ArticleStatus.PUBLISHED));
        assertThat(title("own-write")).isEqualTo("First");
        assertThat(latestSlugs()).contains("own-write");

        articles.save(article("own-write", "Second", ArticleStatus.PUBLISHED));
        assertThat(title("own-write")).isEqualTo("Second");

        articles.save(article("own-write", "Withdrawn", ArticleStatus.ARCHIVED));
        lookup("own-write").path("article").valueIsNull();
        assertThat(latestSlugs()).doesNotContain("own-write");
    }

    @Test
    void publishingASlugThatWasLookedUpBeforeShowsIt() {
        lookup("not-yet").path("article").valueIsNull();

        articles.save(article("not-yet", "Now", ArticleStatus.PUBLISHED));

        assertThat(title("not-yet")).isEqualTo("Now");
    }

    private GraphQlTester.Response lookup(String slug) {
        return reader.documentName("article/articleLookup").variable("slug", slug).execute();
    }

    private String title(String slug) {
        return lookup(slug).path("article.title").entity(String.class).get();
    }

    private List<String> latestSlugs() {
        return reader.documentName("article/latest").variable("first", 100).execute()
                .path("articles.edges[*].node.slug").entityList(String.class).get();
    }

    static Article article(String slug, String title, ArticleStatus status) {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        return new Article(slug, slug, title, null, "news", List.of(), List.of(), status, at, at, 1, null,
                List.of(), CommentMode.OPEN, false, 0);
    }
}
