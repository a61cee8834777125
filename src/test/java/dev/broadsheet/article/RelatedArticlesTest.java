package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.ResponseCacheHits;
import dev.broadsheet.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Article.related: best shared tags first, then newest; published only; never the article itself. Through
 * HttpGraphQlTester, except the response-cache checks, which send the GET a CDN or browser sends.
 */
@ApiTest
class RelatedArticlesTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry metrics;

    @Test
    void ordersBySharedTagsThenRecencyWithoutItselfOrDrafts() {
        String section = Editorial.uniqueSlug("harbour");
        String elsewhere = Editorial.uniqueSlug("elsewhere");
        String ferries = Editorial.uniqueSlug("ferries");
        String fares = Editorial.uniqueSlug("fares");

        String article = publish(section, List.of(ferries, fares));
        String oneTagOlder = publish(elsewhere, List.of(ferries));
        String bothTags = publish(elsewhere, List.of(ferries, fares));
        String oneTagNewer = publish(elsewhere, List.of(fares));
        String sectionOnly = publish(section, List.of(Editorial.uniqueSlug("weather")));
        String draft = create(section, List.of(ferries, fares)).path("createArticle.slug").entity(String.class).get();

        List<String> related = related(article, null);
        assertThat(related).containsExactly(bothTags, oneTagNewer, oneTagOlder, sectionOnly)
                .doesNotContain(article, draft);
        assertThat(related(article, 2)).containsExactly(bothTags, oneTagNewer);
        assertThat(related(article, 0)).isEmpty();
    }

    @Test
    void firstOutsideZeroToTwentyIsAValidationError() {
        String article = publish(Editorial.uniqueSlug("harbour"), List.of(Editorial.uniqueSlug("tides")));
        for (int first : new int[] {-1, 21}) {
            GraphQlTester.Response response = Editorial.tester(port, null).documentName("article/related")
                    .variable("slug", article).variable("first", first).execute();
            assertThat(Editorial.code(response)).as("first: " + first).isEqualTo("VALIDATION");
        }
        assertThat(related(article, 20)).isEmpty();
    }

    @Test
    void publishingARelatedArticleDropsTheCachedAnswer() {
        String tag = Editorial.uniqueSlug("lighthouse");
        String article = publish(Editorial.uniqueSlug("coast"), List.of(tag));
        String earlier = publish(Editorial.uniqueSlug("coast"), List.of(tag));
        GraphQlTester.Response created = create(Editorial.uniqueSlug("coast"), List.of(tag));
        String pending = created.path("createArticle.slug").entity(String.class).get();

        HttpResponse<String> first = get(article);
        assertThat(first.body()).contains("\"slug\":\"" + earlier + "\"")
                .doesNotContain("\"slug\":\"" + pending + "\"");
        double hits = hits();
        get(article);
        assertThat(hits()).as("the anonymous answer is served from the response cache").isEqualTo(hits + 1);

        publish(created);

        double before = hits();
        HttpResponse<String> after = get(article);
        assertThat(hits()).as("the stale answer is not served").isEqualTo(before);
        assertThat(after.body()).contains("\"slug\":\"" + pending + "\"");
    }

    private List<String> related(String slug, Integer first) {
        GraphQlTester.Request<?> request = Editorial.tester(port, null).documentName("article/related").variable("slug", slug);
        if (first != null) {
            request.variable("first", first);
        }
        return request.execute().errors().verify().path("article.related[*].slug").entityList(String.class).get();
    }

    private String publish(String section, List<String> tags) {
        GraphQlTester.Response draft = create(section, tags);
        publish(draft);
        return draft.path("createArticle.slug").entity(String.class).get();
    }

    private void publish(GraphQlTester.Response draft) {
        Editorial.as(port, Tokens.Role.EDITOR).transition("publish", draft.path("createArticle.id").entity(String.class).get(),
                draft.path("createArticle.version").entity(Long.class).get()).errors().verify();
    }

    private GraphQlTester.Response create(String section, List<String> tags) {
        Map<String, Object> input = Editorial.draft(Editorial.uniqueSlug("story"));
        input.put("section", section);
        input.put("tags", tags);
        GraphQlTester.Response created = Editorial.as(port, Tokens.Role.EDITOR).create(input);
        created.errors().verify();
        return created;
    }

    private HttpResponse<String> get(String slug) {
        return GraphQlHttp.at(port).getDocument("article/related", Map.of("slug", slug));
    }

    private double hits() {
        return ResponseCacheHits.count(metrics);
    }
}
