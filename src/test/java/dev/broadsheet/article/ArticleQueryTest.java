package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What an anonymous front end reads of articles, through Spring's HttpGraphQlTester. */
@ApiTest
class ArticleQueryTest {

    static final String FEATURE = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    HttpGraphQlTester graphql;

    @BeforeEach
    void connect() {
        graphql = Testers.anonymous(port);
    }

    @Test
    void theFeatureArticleServesEveryBlockType() {
        GraphQlTester.Response article = feature();

        article.path("article.title").entity(String.class).isEqualTo("Dock workers walk out as port operator freezes pay");
        article.path("article.status").entity(String.class).isEqualTo("PUBLISHED");
        assertThat(article.path("article.body[*].__typename").entityList(String.class).get()).contains("ParagraphBlock",
                "HeadingBlock", "QuoteBlock", "ImageBlock", "EmbeddedPostBlock", "DonationBlock", "ReadMoreBlock");
    }

    @Test
    void paragraphsKeepInlineLinksAndEmphasisAsSpansAndEscapedHtml() {
        List<Map<String, Object>> paragraphs = blocks("ParagraphBlock");

        Map<String, Object> first = paragraphs.get(0);
        assertThat(span(first, 1).get("href")).isEqualTo("https://tidewater.example/tag/port");
        assertThat((String) first.get("html"))
                .contains("<a href=\"https://tidewater.example/tag/port\">Eastgate container terminal</a>")
                .contains("port&#39;s operator");
        assertThat((String) first.get("text")).startsWith("More than four hundred dock workers walked off");
        Map<String, Object> third = paragraphs.get(2);
        assertThat(span(third, 1).get("marks")).isEqualTo(List.of("EMPHASIS"));
        assertThat((String) third.get("html")).contains("<em>temporary</em>");
    }

    @Test
    void headingsQuotesAndImagesCarryTheirDetails() {
        assertThat(blocks("HeadingBlock").get(0).get("level")).isEqualTo(2);
        Map<String, Object> quote = blocks("QuoteBlock").get(0);
        assertThat(quote.get("speaker")).isEqualTo("Dalia Okoro");
        assertThat((String) quote.get("source")).contains("Harbour Workers' Union");
        Map<?, ?> image = (Map<?, ?>) blocks("ImageBlock").get(0).get("image");
        assertThat(((Map<?, ?>) image.get("asset")).get("id")).isEqualTo("sample-asset-banner");
        assertThat((String) image.get("attribution")).contains("Joe Mensah").contains("CC BY 4.0");
    }

    @Test
    void embeddedPostsRenderFromTheirSnapshotEvenWhenTheSourceIsDeleted() {
        List<Map<?, ?>> posts = new ArrayList<>();
        blocks("EmbeddedPostBlock").forEach(block -> posts.add((Map<?, ?>) block.get("post")));

        assertThat(posts.stream().map(p -> p.get("sourceStatus")).toList()).isEqualTo(List.of("LIVE", "DELETED"));
        Map<?, ?> deleted = posts.get(1);
        assertThat(deleted.get("provider")).isEqualTo("X");
        assertThat((String) deleted.get("text")).contains("Tins are out");
        assertThat((String) deleted.get("capturedAt")).isNotBlank();
    }

    @Test
    void readMoreResolvesInternalArticlesAndKeepsOutsideLinks() {
        List<Map<String, Object>> readMore = blocks("ReadMoreBlock");

        assertThat(((Map<?, ?>) readMore.get(0).get("article")).get("slug"))
                .isEqualTo("council-delays-vote-on-branch-library-closures");
        assertThat(readMore.get(1).get("article")).isNull();
        assertThat((String) readMore.get(1).get("url")).endsWith("eastgate-annual-report.pdf");
    }

    @Test
    void theFeaturedImageIsACropWithItsAttribution() {
        GraphQlTester.Response article = feature();

        article.path("article.featuredImage.crop.width").entity(Integer.class).isEqualTo(4000);
        article.path("article.featuredImage.crop.publishedWidth").entity(Integer.class).isEqualTo(770);
        article.path("article.featuredImage.crop.publishedHeight").entity(Integer.class).isEqualTo(403);
        article.path("article.featuredImage.asset.width").entity(Integer.class).isEqualTo(4000);
        article.path("article.featuredImage.asset.licence.id").entity(String.class).isEqualTo("CC-BY-SA-4.0");
        article.path("article.featuredImage.attribution").entity(String.class)
                .isEqualTo("“Picket line at the container gate” by Maren Holt via Wikimedia Commons, cropped to "
                        + "770 × 403 px, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
    }

    @Test
    void aDraftIsInvisibleBySlugAndById() {
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("slug", "leaked-budget-shows-deeper-bus-cuts"), Map.of("id", "sample-article-bus-cuts"),
                Map.of("slug", "no-such-article"))) {
            graphql.documentName("article/articleLookup").variables(variables).execute()
                    .errors().verify()
                    .path("article").valueIsNull();
        }
        assertThat(slugs(Map.of("first", 100))).doesNotContain("leaked-budget-shows-deeper-bus-cuts");
    }

    @Test
    void anArticleIsFoundByIdAndBySlug() {
        graphql.documentName("article/articleLookup").variable("id", "sample-article-library").execute()
                .path("article.slug").entity(String.class).isEqualTo("council-delays-vote-on-branch-library-closures");
        // An id and a slug naming different articles find nothing.
        graphql.documentName("article/articleLookup").variable("id", "sample-article-library").variable("slug", FEATURE)
                .execute().path("article").valueIsNull();
    }

    @Test
    void latestArticlesComeNewestFirstAndPageWithCursors() {
        List<String> all = slugs(Map.of("first", 100));
        assertThat(all).containsSubsequence("review-harbour-choir-winter-concert", FEATURE,
                "council-delays-vote-on-branch-library-closures");

        List<String> paged = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("first", 1));
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = graphql.documentName("article/latest").variables(variables).execute();
            paged.addAll(page.path("articles.edges[*].node.slug").entityList(String.class).get());
            more = page.path("articles.pageInfo.hasNextPage").entity(Boolean.class).get();
            variables.put("after", page.path("articles.pageInfo.endCursor").entity(String.class).get());
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void latestArticlesFilterBySectionAndTag() {
        assertThat(slugs(Map.of("section", "culture"))).containsExactly("review-harbour-choir-winter-concert");
        assertThat(slugs(Map.of("tag", "labour"))).containsExactly(FEATURE);
    }

    @Test
    void badPageArgumentsAreValidationErrors() {
        String notACursor = Base64.getUrlEncoder().encodeToString("hello".getBytes());
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("first", 101), Map.of("first", -1),
                Map.of("after", "%%%"), Map.of("after", notACursor))) {
            graphql.documentName("article/latest").variables(variables).execute().errors().satisfy(errors -> {
                assertThat(errors).as(variables.toString()).isNotEmpty();
                assertThat(errors.get(0).getExtensions().get("code")).as(variables.toString()).isEqualTo("VALIDATION");
                assertThat(errors.get(0).getMessage()).doesNotContain("Exception");
            });
        }
    }

    /** The {@code __typename}s of a served body, in order. */
    static List<String> typesOf(tools.jackson.databind.JsonNode body) {
        List<String> types = new ArrayList<>();
        body.forEach(block -> types.add(block.path("__typename").asString()));
        return types;
    }

    private GraphQlTester.Response feature() {
        return graphql.documentName("article/featureArticle").variable("slug", FEATURE).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> blocks(String type) {
        List<Map<String, Object>> body = (List<Map<String, Object>>) (List<?>) feature().path("article.body")
                .entityList(Map.class).get();
        return body.stream().filter(block -> type.equals(block.get("__typename"))).toList();
    }

    private static Map<?, ?> span(Map<String, Object> paragraph, int index) {
        return (Map<?, ?>) ((List<?>) paragraph.get("spans")).get(index);
    }

    private List<String> slugs(Map<String, Object> variables) {
        return graphql.documentName("article/latest").variables(variables).execute()
                .path("articles.edges[*].node.slug").entityList(String.class).get();
    }
}
