package dev.broadsheet.seo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApiTest
class StructuredDataTest {

    private static final String QUERY = "query($slug: String!) { article(slug: $slug) { id version structuredData "
            + "seo { title description canonicalUrl noIndex socialImage { asset { id } } } } }";

    @LocalServerPort
    int port;

    @Test
    void jsonLdIsANewsArticleWithEveryFieldAndTheImageLicence() {
        Response response = GraphQlHttp.at(port).query(QUERY, Map.of("slug", "dock-workers-walk-out-over-pay-freeze"));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();

        JsonNode ld = JsonMapper.builder().build().readTree(response.data("article.structuredData").asString());
        assertThat(ld.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asString()).isEqualTo("Dock workers walk out as port operator freezes pay");
        JsonNode image = ld.path("image").path(0);
        assertThat(image.path("url").asString()).isEqualTo("https://media.tidewater.example/2026/11/picket-line.jpg");
        assertThat(image.path("license").asString()).isEqualTo("https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(image.path("acquireLicensePage").asString()).isEqualTo("https://commons.wikimedia.org/");
        assertThat(image.path("creditText").asString()).contains("Maren Holt").contains("CC BY-SA 4.0");
        assertThat(image.path("creator").path("@type").asString()).isEqualTo("Person");
        assertThat(image.path("creator").path("name").asString()).isEqualTo("Maren Holt");
        assertThat(Instant.parse(ld.path("datePublished").asString())).isEqualTo(Instant.parse("2026-11-20T07:30:00Z"));
        assertThat(Instant.parse(ld.path("dateModified").asString())).isEqualTo(Instant.parse("2026-11-20T07:30:00Z"));
        JsonNode author = ld.path("author").path(0);
        assertThat(author.path("@type").asString()).isEqualTo("Person");
        assertThat(author.path("name").asString()).isEqualTo("Priya Nandakumar");
        assertThat(author.path("url").asString()).isEqualTo("http://localhost:8080/authors/priya-nandakumar");
        assertThat(ld.path("publisher").path("name").asString()).isEqualTo("The Tidewater Courier");
        assertThat(ld.path("publisher").path("logo").path("url").asString()).isEqualTo("http://localhost:8080/logo.png");
        assertThat(ld.path("isAccessibleForFree").isBoolean()).isTrue();
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.path("mainEntityOfPage").path("@id").asString())
                .isEqualTo("http://localhost:8080/news/dock-workers-walk-out-over-pay-freeze");
    }

    @Test
    void aCorrectedArticleCarriesItsCorrectionAndALaterDateModified() {
        Response response = GraphQlHttp.at(port).query(QUERY,
                Map.of("slug", "council-delays-vote-on-branch-library-closures"));
        JsonNode ld = JsonMapper.builder().build().readTree(response.data("article.structuredData").asString());

        assertThat(Instant.parse(ld.path("dateModified").asString()))
                .isAfter(Instant.parse(ld.path("datePublished").asString()));
        assertThat(ld.path("correction").path(0).path("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(ld.path("correction").path(0).path("text").asString()).contains("eight thousand");
    }

    @Test
    void seoFallsBackToTheArticleAndEditorsOverrideIt() {
        GraphQlHttp editor = Tokens.client(port, Tokens.Role.EDITOR);
        String slug = "seo-" + System.nanoTime();
        Response created = editor.query("mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }",
                Map.of("input", Map.of("slug", slug, "title", "Tide tables", "section", "news",
                        "standfirst", "High water at dawn all week.",
                        "featuredImage", Map.of("assetId", "sample-asset-banner"))));
        String id = created.data("createArticle.id").asString();
        Response preview = editor.query("query($id: ID!) { article(id: $id, preview: true) { seo { title description "
                + "canonicalUrl noIndex socialImage { asset { id } } } } }", Map.of("id", id));
        JsonNode seo = preview.data("article.seo");
        assertThat(seo.path("title").asString()).isEqualTo("Tide tables");
        assertThat(seo.path("description").asString()).isEqualTo("High water at dawn all week.");
        assertThat(seo.path("canonicalUrl").asString()).isEqualTo("http://localhost:8080/news/" + slug);
        assertThat(seo.path("noIndex").asBoolean()).isFalse();
        assertThat(seo.path("socialImage").path("asset").path("id").asString()).isEqualTo("sample-asset-banner");

        Response updated = editor.query("mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, "
                + "expectedVersion: $v, input: $input) { seo { title description canonicalUrl noIndex socialImage { asset { id } } } "
                + "structuredData } }", Map.of("id", id, "v", created.data("createArticle.version").asInt(),
                "input", Map.of("seo", Map.of("title", "Tide tables for the week", "noIndex", true,
                        "canonicalUrl", "https://partner.example/tides", "socialImage", Map.of("assetId", "sample-asset-choir")))));
        assertThat(updated.hasErrors()).as(updated.body().toString()).isFalse();
        seo = updated.data("updateArticle.seo");
        assertThat(seo.path("title").asString()).isEqualTo("Tide tables for the week");
        assertThat(seo.path("description").asString()).isEqualTo("High water at dawn all week.");
        assertThat(seo.path("canonicalUrl").asString()).isEqualTo("https://partner.example/tides");
        assertThat(seo.path("noIndex").asBoolean()).isTrue();
        assertThat(seo.path("socialImage").path("asset").path("id").asString()).isEqualTo("sample-asset-choir");
        JsonNode ld = JsonMapper.builder().build().readTree(updated.data("updateArticle.structuredData").asString());
        assertThat(ld.path("image").path(0).path("creditText").asString()).contains("Kasia Nowak");
        assertThat(List.of(ld.path("headline").asString())).containsExactly("Tide tables for the week");
    }
}
