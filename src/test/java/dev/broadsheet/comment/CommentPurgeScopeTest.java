package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.ResponseCacheHits;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A comment drops only the cached responses that hold its thread or count: an article page that shows
 * neither stays in the response cache (a busy comment section must not send its article page back to
 * the slow path on every post), while an edit to the article still drops it. Hits are read from the
 * front filter's counter, so each claim fails with the response cache off.
 */
@ApiTest
class CommentPurgeScopeTest {

    private static final String PAGE = "query Page($slug: String!) { article(slug: $slug) { id title section } }";
    private static final String COUNT = "query Count($slug: String!) { article(slug: $slug) { id commentCount } }";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry metrics;

    @Test
    void aCommentKeepsTheArticlePageCachedAndRefreshesTheCount() {
        String slug = "purge-scope-" + System.nanoTime();
        String id = publish(slug).id();
        assertThat(get(PAGE, slug)).contains("Night buses return");
        assertThat(get(COUNT, slug)).contains("\"commentCount\":0");
        assertThat(servedFromCache(PAGE, slug)).isTrue();

        Testers.anonymous(port).mutate().header("X-Forwarded-For", "10.73.0.1").build()
                .documentName("comment/postComment")
                .variable("input", Map.of("articleId", id, "authorName", "Night owl", "body", "Good news for late shifts."))
                .execute().path("postComment.status").entity(String.class).isEqualTo("PUBLISHED");

        assertThat(servedFromCache(PAGE, slug)).as("the page selects no comments and no count").isTrue();
        assertThat(get(COUNT, slug)).contains("\"commentCount\":1");
    }

    @Test
    void anEditToTheArticleStillDropsItsPage() {
        String slug = "purge-scope-edit-" + System.nanoTime();
        Published article = publish(slug);
        get(PAGE, slug);
        assertThat(servedFromCache(PAGE, slug)).isTrue();

        Testers.as(port, Tokens.Role.EDITOR).documentName("article/editing/update")
                .variable("id", article.id()).variable("version", article.version())
                .variable("input", input(slug, "Night buses return for good")).execute()
                .path("updateArticle.title").entity(String.class).isEqualTo("Night buses return for good");

        assertThat(get(PAGE, slug)).contains("Night buses return for good");
    }

    private record Published(String id, int version) {
    }

    private Published publish(String slug) {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        var created = editor.documentName("article/editing/create").variable("input", input(slug, "Night buses return"))
                .execute();
        String id = created.path("createArticle.id").entity(String.class).get();
        Integer version = created.path("createArticle.version").entity(Integer.class).get();
        var published = editor.documentName("article/editing/publish").variable("id", id).variable("version", version)
                .execute();
        published.path("publishArticle.status").entity(String.class).isEqualTo("PUBLISHED");
        return new Published(id, published.path("publishArticle.version").entity(Integer.class).get());
    }

    private static Map<String, Object> input(String slug, String title) {
        // An SEO title: every field of the article must survive the comparison of its versions before and after a count change.
        return Map.of("slug", slug, "title", title, "section", "news", "tags", List.of("transport"),
                "seo", Map.of("title", "Night buses | Harbour Times"),
                "body", List.of(Map.of("paragraph", Map.of("text", "The night routes run again from Monday."))));
    }

    private boolean servedFromCache(String query, String slug) {
        return ResponseCacheHits.served(metrics, () -> get(query, slug));
    }

    private String get(String query, String slug) {
        HttpResponse<String> response = GraphQlHttp.at(port).get(query, Map.of("slug", slug));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
