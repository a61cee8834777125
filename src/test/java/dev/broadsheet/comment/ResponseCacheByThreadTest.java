package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.ResponseCacheHits;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The whole-response cache for anonymous POST queries, and what a comment write drops from it: only the
 * responses holding that article's thread or comment count. Whether a response came from the cache is
 * read from the hit counter the front filter increments. Through Spring's HttpGraphQlTester.
 */
@ApiTest
class ResponseCacheByThreadTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    MeterRegistry metrics;

    private Readers readers;

    @BeforeEach
    void setUp() {
        readers = new Readers(port);
    }

    @Test
    void aCommentOnOneArticleDropsItsResponsesAndLeavesAnotherArticlesInPlace() {
        String x = Readers.publishedArticle(articles, CommentMode.OPEN);
        String y = Readers.publishedArticle(articles, CommentMode.OPEN);
        GraphQlTester.Response xBefore = cached("comment/threadAndCount", x);
        cached("comment/threadAndCount", y);
        cached("comment/countOnly", x);

        String commentId = Readers.postOk(readers.newReader(), x, null, "Ada", "First!");

        assertThat(servedFromCache("comment/threadAndCount", y)).as("the other article's thread").isTrue();
        double hits = hits();
        GraphQlTester.Response xAfter = run(readers.anonymous(), "comment/threadAndCount", x);
        assertThat(hits()).as("X's thread is not served from the cache").isEqualTo(hits);
        xBefore.path("article.comments.edges").entityList(Object.class).hasSize(0);
        xAfter.path("article.comments.edges[0].node.id").entity(String.class).isEqualTo(commentId);
        xAfter.path("article.commentCount").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response countAfter = run(readers.anonymous(), "comment/countOnly", x);
        assertThat(hits()).as("a response selecting only commentCount is dropped too").isEqualTo(hits);
        countAfter.path("article.commentCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aPostWithATokenIsNeverServedFromOrStoredInTheResponseCache() {
        String slug = Readers.publishedArticle(articles, CommentMode.OPEN);
        cached("comment/countOnly", slug);
        HttpGraphQlTester editor = readers.as(Tokens.Role.EDITOR);

        double hits = hits();
        GraphQlTester.Response withToken = run(editor, "comment/countOnly", slug);
        run(editor, "comment/threadAndCount", slug);
        run(editor, "comment/threadAndCount", slug);
        assertThat(hits()).as("token requests are not answered from the cache").isEqualTo(hits);
        withToken.path("article.commentCount").entity(Integer.class).isEqualTo(0);

        run(readers.anonymous(), "comment/threadAndCount", slug);
        assertThat(hits()).as("what token requests ran was not stored for anonymous readers").isEqualTo(hits);
    }

    /** Runs the document twice anonymously and checks that the second answer came from the cache. */
    private GraphQlTester.Response cached(String document, String slug) {
        GraphQlTester.Response first = run(readers.anonymous(), document, slug);
        first.errors().verify();
        assertThat(servedFromCache(document, slug)).as("stored after the first request").isTrue();
        return first;
    }

    private boolean servedFromCache(String document, String slug) {
        return ResponseCacheHits.served(metrics, () -> run(readers.anonymous(), document, slug));
    }

    private static GraphQlTester.Response run(HttpGraphQlTester client, String document, String slug) {
        return client.documentName(document).variable("slug", slug).execute();
    }

    private double hits() {
        return ResponseCacheHits.count(metrics);
    }
}
