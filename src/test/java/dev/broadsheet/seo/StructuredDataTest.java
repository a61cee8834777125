package dev.broadsheet.seo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON-LD and SEO fields of articles, through HttpGraphQlTester with the {@code seo} documents. */
@ApiTest
class StructuredDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    HttpGraphQlTester reader;

    @BeforeEach
    void connect() {
        reader = Testers.anonymous(port);
    }

    @Test
    void jsonLdIsANewsArticleWithEveryFieldAndTheImageLicence() {
        JsonNode ld = structuredData(bySlug("dock-workers-walk-out-over-pay-freeze").errors().verify(), "article");
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
        JsonNode ld = structuredData(bySlug("council-delays-vote-on-branch-library-closures").errors().verify(), "article");

        assertThat(Instant.parse(ld.path("dateModified").asString()))
                .isAfter(Instant.parse(ld.path("datePublished").asString()));
        assertThat(ld.path("correction").path(0).path("@type").asString()).isEqualTo("CorrectionComment");
        assertThat(ld.path("correction").path(0).path("text").asString()).contains("eight thousand");
    }

    @Test
    void seoFallsBackToTheArticleAndEditorsOverrideIt() {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        String slug = "seo-" + System.nanoTime();
        GraphQlTester.Response created = editor.documentName("seo/createArticle").variable("input", Map.of("slug", slug,
                "title", "Tide tables", "section", "news", "standfirst", "High water at dawn all week.",
                "featuredImage", Map.of("assetId", "sample-asset-banner"))).execute();
        String id = created.path("createArticle.id").entity(String.class).get();
        GraphQlTester.Response preview = editor.documentName("seo/article").variable("id", id).variable("preview", true)
                .execute();
        preview.path("article.seo.title").entity(String.class).isEqualTo("Tide tables");
        preview.path("article.seo.description").entity(String.class).isEqualTo("High water at dawn all week.");
        preview.path("article.seo.canonicalUrl").entity(String.class).isEqualTo("http://localhost:8080/news/" + slug);
        preview.path("article.seo.noIndex").entity(Boolean.class).isEqualTo(false);
        preview.path("article.seo.socialImage.asset.id").entity(String.class).isEqualTo("sample-asset-banner");

        GraphQlTester.Response updated = editor.documentName("seo/updateArticle").variable("id", id)
                .variable("v", created.path("createArticle.version").entity(Integer.class).get())
                .variable("input", Map.of("seo", Map.of("title", "Tide tables for the week", "noIndex", true,
                        "canonicalUrl", "https://partner.example/tides", "socialImage", Map.of("assetId", "sample-asset-choir"))))
                .execute();
        updated.errors().verify();
        updated.path("updateArticle.seo.title").entity(String.class).isEqualTo("Tide tables for the week");
        updated.path("updateArticle.seo.description").entity(String.class).isEqualTo("High water at dawn all week.");
        updated.path("updateArticle.seo.canonicalUrl").entity(String.class).isEqualTo("https://partner.example/tides");
        updated.path("updateArticle.seo.noIndex").entity(Boolean.class).isEqualTo(true);
        updated.path("updateArticle.seo.socialImage.asset.id").entity(String.class).isEqualTo("sample-asset-choir");
        JsonNode ld = structuredData(updated, "updateArticle");
        assertThat(ld.path("image").path(0).path("creditText").asString()).contains("Kasia Nowak");
        assertThat(List.of(ld.path("headline").asString())).containsExactly("Tide tables for the week");
    }

    private GraphQlTester.Response bySlug(String slug) {
        return reader.documentName("seo/article").variable("slug", slug).execute();
    }

    /** The JSON-LD the API serves as a string under {@code <field>.structuredData}, parsed. */
    private static JsonNode structuredData(GraphQlTester.Traversable response, String field) {
        return JSON.readTree(response.path(field + ".structuredData").entity(String.class).get());
    }
}
