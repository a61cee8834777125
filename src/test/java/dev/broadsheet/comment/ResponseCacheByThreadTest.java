package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole-response cache for anonymous POST queries, and what a comment write drops from it: only the
 * responses holding that article's thread or comment count. Whether a response came from the cache is
 * read from the hit counter the front filter increments.
 */
@CommentApiTest
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
        Response xBefore = cached("comment/threadAndCount", x);
        cached("comment/threadAndCount", y);
        cached("comment/countOnly", x);

        String commentId = Readers.postOk(readers.newReader(), x, null, "Ada", "First!");

        assertThat(servedFromCache("comment/threadAndCount", y)).as("the other article's thread").isTrue();
        double hits = hits();
        Response xAfter = anonymous().document("comment/threadAndCount", Map.of("slug", x));
        assertThat(hits()).as("X's thread is not served from the cache").isEqualTo(hits);
        assertThat(xBefore.data("article.comments.edges").size()).isZero();
        assertThat(xAfter.data("article.comments.edges.0.node.id").asString()).isEqualTo(commentId);
        assertThat(xAfter.data("article.commentCount").asInt()).isEqualTo(1);

        Response countAfter = anonymous().document("comment/countOnly", Map.of("slug", x));
        assertThat(hits()).as("a response selecting only commentCount is dropped too").isEqualTo(hits);
        assertThat(countAfter.data("article.commentCount").asInt()).isEqualTo(1);
    }

    @Test
    void aPostWithATokenIsNeverServedFromOrStoredInTheResponseCache() {
        String slug = Readers.publishedArticle(articles, CommentMode.OPEN);
        cached("comment/countOnly", slug);
        GraphQlHttp editor = Tokens.client(port, Tokens.Role.EDITOR);

        double hits = hits();
        Response withToken = editor.document("comment/countOnly", Map.of("slug", slug));
        editor.document("comment/threadAndCount", Map.of("slug", slug));
        editor.document("comment/threadAndCount", Map.of("slug", slug));
        assertThat(hits()).as("token requests are not answered from the cache").isEqualTo(hits);
        assertThat(withToken.data("article.commentCount").asInt()).isZero();

        anonymous().document("comment/threadAndCount", Map.of("slug", slug));
        assertThat(hits()).as("what token requests ran was not stored for anonymous readers").isEqualTo(hits);
    }

    /** Runs the document twice anonymously and checks that the second answer came from the cache. */
    private Response cached(String document, String slug) {
        Response first = anonymous().document(document, Map.of("slug", slug));
        assertThat(first.hasErrors()).as(first.body().toString()).isFalse();
        assertThat(servedFromCache(document, slug)).as("stored after the first request").isTrue();
        return first;
    }

    private boolean servedFromCache(String document, String slug) {
        double before = hits();
        anonymous().document(document, Map.of("slug", slug));
        return hits() == before + 1;
    }

    private GraphQlHttp anonymous() {
        return GraphQlHttp.at(port);
    }

    private double hits() {
        return metrics.get("broadsheet.cache.responses.served").counter().count();
    }
}
