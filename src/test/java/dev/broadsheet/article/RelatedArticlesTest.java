package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Article.related: best shared tags first, then newest; published only; never the article itself. */
@ApiTest
class RelatedArticlesTest {

    private final HttpClient http = HttpClient.newHttpClient();

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
        String draft = create(section, List.of(ferries, fares)).path("slug").asString();

        List<String> related = related(article, null);
        assertThat(related).containsExactly(bothTags, oneTagNewer, oneTagOlder, sectionOnly)
                .doesNotContain(article, draft);
        assertThat(related(article, 2)).containsExactly(bothTags, oneTagNewer);
        assertThat(related(article, 0)).isEmpty();
    }

    @Test
    void firstOutsideZeroToTwentyIsAValidationError() {
        String article = publish(Editorial.uniqueSlug("harbour"), List.of(Editorial.uniqueSlug("tides")));
        GraphQlHttp reader = GraphQlHttp.at(port);
        for (int first : new int[] {-1, 21}) {
            Response response = reader.document("article/related", Map.of("slug", article, "first", first));
            assertThat(response.firstErrorCode()).as(response.body().toString()).isEqualTo("VALIDATION");
        }
        assertThat(related(article, 20)).isEmpty();
    }

    @Test
    void publishingARelatedArticleDropsTheCachedAnswer() throws Exception {
        String tag = Editorial.uniqueSlug("lighthouse");
        String article = publish(Editorial.uniqueSlug("coast"), List.of(tag));
        String earlier = publish(Editorial.uniqueSlug("coast"), List.of(tag));
        JsonNode pending = create(Editorial.uniqueSlug("coast"), List.of(tag));

        HttpResponse<String> first = get(article);
        assertThat(first.body()).contains("\"slug\":\"" + earlier + "\"")
                .doesNotContain("\"slug\":\"" + pending.path("slug").asString() + "\"");
        double hits = hits();
        get(article);
        assertThat(hits()).as("the anonymous answer is served from the response cache").isEqualTo(hits + 1);

        Response publish = editor().document("article/editing/publish",
                Map.of("id", pending.path("id").asString(), "version", pending.path("version").asLong()));
        assertThat(publish.hasErrors()).as(publish.body().toString()).isFalse();

        double before = hits();
        HttpResponse<String> after = get(article);
        assertThat(hits()).as("the stale answer is not served").isEqualTo(before);
        assertThat(after.body()).contains("\"slug\":\"" + pending.path("slug").asString() + "\"");
    }

    private List<String> related(String slug, Integer first) {
        Map<String, Object> variables = first == null ? Map.of("slug", slug) : Map.of("slug", slug, "first", first);
        Response response = GraphQlHttp.at(port).document("article/related", variables);
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        List<String> slugs = new ArrayList<>();
        response.data("article").path("related").forEach(node -> slugs.add(node.path("slug").asString()));
        return slugs;
    }

    private String publish(String section, List<String> tags) {
        JsonNode draft = create(section, tags);
        Response publish = editor().document("article/editing/publish",
                Map.of("id", draft.path("id").asString(), "version", draft.path("version").asLong()));
        assertThat(publish.hasErrors()).as(publish.body().toString()).isFalse();
        return draft.path("slug").asString();
    }

    private JsonNode create(String section, List<String> tags) {
        Map<String, Object> input = Editorial.draft(Editorial.uniqueSlug("story"));
        input.put("section", section);
        input.put("tags", tags);
        Response created = editor().document("article/editing/create", Map.of("input", input));
        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        return created.data("createArticle");
    }

    private GraphQlHttp editor() {
        return Tokens.client(port, Tokens.Role.EDITOR);
    }

    private HttpResponse<String> get(String slug) throws Exception {
        String query;
        try (var in = getClass().getResourceAsStream("/graphql-test/article/related.graphql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = URI.create("http://localhost:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&variables=" + URLEncoder.encode("{\"slug\":\"" + slug + "\"}", StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private double hits() {
        return metrics.get("broadsheet.cache.responses.served").counter().count();
    }
}
