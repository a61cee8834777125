package dev.broadsheet.comment;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.comment.Readers.code;
import static dev.broadsheet.comment.Readers.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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

/** Nothing acknowledged is lost or counted twice: idempotent retries, counters that heal, recounts. */
@ApiTest
class CommentDurabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentPosting posting;

    @Autowired
    CounterSweeper sweeper;

    Readers readers;

    @BeforeEach
    void setUp() {
        readers = new Readers(port);
    }

    @Test
    void twentyConcurrentRetriesWithOneIdempotencyKeyAllReturnTheSameComment() throws Exception {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        HttpGraphQlTester reader = readers.newReader();
        Map<String, Object> input = new HashMap<>(Map.of("articleId", article, "authorName", "Concurrent retrier",
                "body", "Posted once, retried twenty times", "idempotencyKey", UUID.randomUUID().toString()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<String> call = () -> {
                    start.await();
                    // fails the call on any error
                    return reader.documentName("comment/postComment").variable("input", input).execute()
                            .path("postComment.id").entity(String.class).get();
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> call : calls) {
                ids.add(call.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        GraphQlTester.Response thread = thread(article);
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(1);
        thread.path("article.comments.edges").entityList(Object.class).hasSize(1);
    }

    @Test
    void aCrashBetweenTheInsertAndTheCountersIsHealedByTheSweeper() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "first reader", "The parent comment");

        GraphQlTester.Response crashed = crashingAfterInsert(() ->
                Readers.post(readers.newReader(), article, parent, "second reader", "A reply stored before the crash"));
        Map<String, Object> crash = firstError(crashed);
        assertThat(crash).containsEntry("code", "INTERNAL_ERROR");
        assertThat((String) crash.get("errorId")).isNotBlank();
        GraphQlTester.Response drifted = thread(article);
        drifted.path("article.commentCount").entity(Integer.class).isEqualTo(1);
        drifted.path("article.comments.edges[0].node.replyCount").entity(Integer.class).isEqualTo(0);

        assertThat(sweeper.sweep(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(sweeper.sweep(Duration.ZERO)).isZero();

        GraphQlTester.Response healed = thread(article);
        healed.path("article.commentCount").entity(Integer.class).isEqualTo(2);
        healed.path("article.comments.edges[0].node.replyCount").entity(Integer.class).isEqualTo(1);
        healed.path("article.comments.edges[0].node.replies.edges[0].node.body").entity(String.class)
                .satisfies(body -> assertThat(body).contains("A reply stored before the crash"));
    }

    @Test
    void recountCommentsRecomputesDriftedCountersForAdminsOnly() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "recount parent author", "Parent to recount");
        crashingAfterInsert(() -> Readers.post(readers.newReader(), article, parent, "recount reply author", "Reply left uncounted"));

        assertThat(code(recount(Tokens.Role.EDITOR, article))).isEqualTo("FORBIDDEN");
        GraphQlTester.Response recount = recount(Tokens.Role.ADMIN, article);
        recount.path("recountComments.commentCount").entity(Integer.class).isEqualTo(2);
        recount.path("recountComments.replyCountsCorrected").entity(Integer.class).isEqualTo(1);

        sweeper.sweep(Duration.ZERO);
        GraphQlTester.Response after = thread(article);
        after.path("article.commentCount").entity(Integer.class).isEqualTo(2);
        after.path("article.comments.edges[0].node.replyCount").entity(Integer.class).isEqualTo(1);
    }

    /** Runs {@code call} with the posting crashing right after its insert, before the counters. */
    private GraphQlTester.Response crashingAfterInsert(java.util.function.Supplier<GraphQlTester.Response> call) {
        posting.afterInsert = () -> {
            throw new IllegalStateException("simulated crash after the insert");
        };
        try {
            return call.get();
        } finally {
            posting.afterInsert = () -> { };
        }
    }

    private GraphQlTester.Response recount(Tokens.Role role, String article) {
        return readers.as(role).documentName("comment/recount").variable("articleId", article).execute();
    }

    private GraphQlTester.Response thread(String article) {
        return readers.anonymous().documentName("comment/articleThread")
                .variables(Map.of("slug", article, "first", 10, "replies", 10)).execute();
    }
}
