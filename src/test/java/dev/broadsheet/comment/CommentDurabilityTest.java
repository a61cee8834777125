package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing acknowledged is lost or counted twice: idempotent retries, counters that heal, recounts. */
@CommentApiTest
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
        GraphQlHttp reader = readers.newReader();
        Map<String, Object> input = new HashMap<>(Map.of("articleId", article, "authorName", "Concurrent retrier",
                "body", "Posted once, retried twenty times", "idempotencyKey", UUID.randomUUID().toString()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return reader.document("comment/postComment", Map.of("input", input));
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> call : calls) {
                responses.add(call.get());
            }
            assertThat(responses).allSatisfy(response -> assertThat(response.hasErrors()).as(response.body().toString()).isFalse());
            Set<String> ids = responses.stream().map(r -> r.data("postComment.id").asString()).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Response thread = thread(article);
        assertThat(thread.data("article.commentCount").asInt()).isEqualTo(1);
        assertThat(thread.data("article.comments.edges")).hasSize(1);
    }

    @Test
    void aCrashBetweenTheInsertAndTheCountersIsHealedByTheSweeper() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "first reader", "The parent comment");

        posting.afterInsert = () -> {
            throw new IllegalStateException("simulated crash after the insert");
        };
        Response crashed;
        try {
            crashed = Readers.post(readers.newReader(), article, parent, "second reader", "A reply stored before the crash");
        } finally {
            posting.afterInsert = () -> { };
        }
        assertThat(crashed.firstErrorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(crashed.errors().get(0).path("extensions").path("errorId").asString()).isNotBlank();
        Response drifted = thread(article);
        assertThat(drifted.data("article.commentCount").asInt()).isEqualTo(1);
        assertThat(drifted.data("article.comments.edges").get(0).path("node").path("replyCount").asInt()).isZero();

        assertThat(sweeper.sweep(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        assertThat(sweeper.sweep(Duration.ZERO)).isZero();

        Response healed = thread(article);
        assertThat(healed.data("article.commentCount").asInt()).isEqualTo(2);
        var top = healed.data("article.comments.edges").get(0).path("node");
        assertThat(top.path("replyCount").asInt()).isEqualTo(1);
        assertThat(top.path("replies").path("edges").get(0).path("node").path("body").asString())
                .contains("A reply stored before the crash");
    }

    @Test
    void recountCommentsRecomputesDriftedCountersForAdminsOnly() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "recount parent author", "Parent to recount");
        posting.afterInsert = () -> {
            throw new IllegalStateException("simulated crash after the insert");
        };
        try {
            Readers.post(readers.newReader(), article, parent, "recount reply author", "Reply left uncounted");
        } finally {
            posting.afterInsert = () -> { };
        }

        assertThat(Tokens.client(port, Tokens.Role.EDITOR).document("comment/recount", Map.of("articleId", article))
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        Response recount = Tokens.client(port, Tokens.Role.ADMIN).document("comment/recount", Map.of("articleId", article));
        assertThat(recount.hasErrors()).as(recount.body().toString()).isFalse();
        assertThat(recount.data("recountComments.commentCount").asInt()).isEqualTo(2);
        assertThat(recount.data("recountComments.replyCountsCorrected").asInt()).isEqualTo(1);

        sweeper.sweep(Duration.ZERO);
        Response after = thread(article);
        assertThat(after.data("article.commentCount").asInt()).isEqualTo(2);
        assertThat(after.data("article.comments.edges").get(0).path("node").path("replyCount").asInt()).isEqualTo(1);
    }

    private Response thread(String article) {
        return GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article, "first", 10, "replies", 10));
    }
}
