package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class ArticleQueryTest {

    static final String FEATURE = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void connect() {
        graphql = GraphQlHttp.at(port);
    }

    @Test
    void theFeatureArticleServesEveryBlockType() {
        Response response = graphql.document("article/featureArticle", Map.of("slug", FEATURE));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        JsonNode article = response.data("article");
        assertThat(article.path("title").asString()).isEqualTo("Dock workers walk out as port operator freezes pay");
        assertThat(article.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(typesOf(article.path("body"))).contains("ParagraphBlock", "HeadingBlock", "QuoteBlock",
                "ImageBlock", "EmbeddedPostBlock", "DonationBlock", "ReadMoreBlock");
    }

    @Test
    void paragraphsKeepInlineLinksAndEmphasisAsSpansAndEscapedHtml() {
        List<JsonNode> paragraphs = blocks("ParagraphBlock");

        JsonNode first = paragraphs.get(0);
        assertThat(first.path("spans").path(1).path("href").asString()).isEqualTo("https://tidewater.example/tag/port");
        assertThat(first.path("html").asString())
                .contains("<a href=\"https://tidewater.example/tag/port\">Eastgate container terminal</a>")
                .contains("port&#39;s operator");
        assertThat(first.path("text").asString()).startsWith("More than four hundred dock workers walked off");
        JsonNode third = paragraphs.get(2);
        assertThat(third.path("spans").path(1).path("marks").path(0).asString()).isEqualTo("EMPHASIS");
        assertThat(third.path("html").asString()).contains("<em>temporary</em>");
    }

    @Test
    void headingsQuotesAndImagesCarryTheirDetails() {
        assertThat(blocks("HeadingBlock").get(0).path("level").asInt()).isEqualTo(2);
        JsonNode quote = blocks("QuoteBlock").get(0);
        assertThat(quote.path("speaker").asString()).isEqualTo("Dalia Okoro");
        assertThat(quote.path("source").asString()).contains("Harbour Workers' Union");
        JsonNode image = blocks("ImageBlock").get(0).path("image");
        assertThat(image.path("asset").path("id").asString()).isEqualTo("sample-asset-banner");
        assertThat(image.path("attribution").asString()).contains("Joe Mensah").contains("CC BY 4.0");
    }

    @Test
    void embeddedPostsRenderFromTheirSnapshotEvenWhenTheSourceIsDeleted() {
        List<JsonNode> posts = blocks("EmbeddedPostBlock").stream().map(b -> b.path("post")).toList();

        assertThat(posts).extracting(p -> p.path("sourceStatus").asString()).containsExactly("LIVE", "DELETED");
        JsonNode deleted = posts.get(1);
        assertThat(deleted.path("provider").asString()).isEqualTo("X");
        assertThat(deleted.path("text").asString()).contains("Tins are out");
        assertThat(deleted.path("capturedAt").asString()).isNotBlank();
    }

    @Test
    void readMoreResolvesInternalArticlesAndKeepsOutsideLinks() {
        List<JsonNode> readMore = blocks("ReadMoreBlock");

        assertThat(readMore.get(0).path("article").path("slug").asString())
                .isEqualTo("council-delays-vote-on-branch-library-closures");
        assertThat(readMore.get(1).path("article").isNull()).isTrue();
        assertThat(readMore.get(1).path("url").asString()).endsWith("eastgate-annual-report.pdf");
    }

    @Test
    void theFeaturedImageIsACropWithItsAttribution() {
        JsonNode image = graphql.document("article/featureArticle", Map.of("slug", FEATURE))
                .data("article.featuredImage");

        assertThat(image.path("crop").path("width").asInt()).as("cut from the full width").isEqualTo(4000);
        assertThat(image.path("crop").path("publishedWidth").asInt()).isEqualTo(770);
        assertThat(image.path("crop").path("publishedHeight").asInt()).isEqualTo(403);
        assertThat(image.path("asset").path("width").asInt()).as("the original's size stays on the asset").isEqualTo(4000);
        assertThat(image.path("asset").path("licence").path("id").asString()).isEqualTo("CC-BY-SA-4.0");
        assertThat(image.path("attribution").asString())
                .isEqualTo("“Picket line at the container gate” by Maren Holt via Wikimedia Commons, cropped to "
                        + "770 × 403 px, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
    }

    @Test
    void aDraftIsInvisibleBySlugAndById() {
        Response bySlug = graphql.document("article/articleLookup", Map.of("slug", "leaked-budget-shows-deeper-bus-cuts"));
        Response byId = graphql.document("article/articleLookup", Map.of("id", "sample-article-bus-cuts"));
        Response missing = graphql.document("article/articleLookup", Map.of("slug", "no-such-article"));

        for (Response response : List.of(bySlug, byId, missing)) {
            assertThat(response.hasErrors()).isFalse();
            assertThat(response.data("article").isNull()).isTrue();
        }
        assertThat(slugsOf(graphql.document("article/latest", Map.of("first", 100))))
                .doesNotContain("leaked-budget-shows-deeper-bus-cuts");
    }

    @Test
    void anArticleIsFoundByIdAndBySlug() {
        Response byId = graphql.document("article/articleLookup", Map.of("id", "sample-article-library"));

        assertThat(byId.data("article.slug").asString()).isEqualTo("council-delays-vote-on-branch-library-closures");
        assertThat(graphql.document("article/articleLookup",
                Map.of("id", "sample-article-library", "slug", FEATURE)).data("article").isNull())
                .as("an id and a slug naming different articles find nothing").isTrue();
    }

    @Test
    void latestArticlesComeNewestFirstAndPageWithCursors() {
        List<String> all = slugsOf(graphql.document("article/latest", Map.of("first", 100)));
        assertThat(all).containsSubsequence("review-harbour-choir-winter-concert", FEATURE,
                "council-delays-vote-on-branch-library-closures");

        List<String> paged = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("first", 1));
        boolean more = true;
        while (more) {
            Response page = graphql.document("article/latest", variables);
            paged.addAll(slugsOf(page));
            more = page.data("articles.pageInfo.hasNextPage").asBoolean();
            variables.put("after", page.data("articles.pageInfo.endCursor").asString());
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void latestArticlesFilterBySectionAndTag() {
        List<String> culture = slugsOf(graphql.document("article/latest", Map.of("section", "culture")));
        List<String> labour = slugsOf(graphql.document("article/latest", Map.of("tag", "labour")));

        assertThat(culture).containsExactly("review-harbour-choir-winter-concert");
        assertThat(labour).containsExactly(FEATURE);
    }

    @Test
    void badPageArgumentsAreValidationErrors() {
        String notACursor = java.util.Base64.getUrlEncoder().encodeToString("hello".getBytes());
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("first", 101), Map.of("first", -1),
                Map.of("after", "%%%"), Map.of("after", notACursor))) {
            Response response = graphql.document("article/latest", variables);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.firstErrorCode()).as(variables.toString()).isEqualTo("VALIDATION");
            assertThat(response.errors().path(0).path("message").asString()).doesNotContain("Exception");
        }
    }

    private List<JsonNode> blocks(String type) {
        JsonNode body = graphql.document("article/featureArticle", Map.of("slug", FEATURE)).data("article.body");
        return StreamSupport.stream(body.spliterator(), false)
                .filter(block -> block.path("__typename").asString().equals(type)).toList();
    }

    static List<String> typesOf(JsonNode body) {
        return StreamSupport.stream(body.spliterator(), false).map(b -> b.path("__typename").asString()).toList();
    }

    static List<String> slugsOf(Response response) {
        return StreamSupport.stream(response.data("articles.edges").spliterator(), false)
                .map(edge -> edge.path("node").path("slug").asString()).toList();
    }
}
