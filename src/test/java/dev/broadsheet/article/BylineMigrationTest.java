package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Articles stored by the code before authors were entities keep their by-lines, now as author entities. */
@ApiTest
class BylineMigrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    BylineMigration migration;

    @Test
    void articlesWithEmbeddedBylinesAreLinkedToAuthorsMatchedOrCreatedByName() {
        String slug = "legacy-" + System.nanoTime();
        database.getCollection("articles").insertOne(legacyDocument(slug, List.of(
                new Document("name", "Priya Nandakumar").append("url", "https://tidewater.example/people/priya"),
                new Document("name", "Zoë Brennan-" + slug).append("url", null))));

        assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);
        assertThat(migration.migrate()).isZero();

        Response response = GraphQlHttp.at(port).query("query($slug: String!) { article(slug: $slug) { title "
                + "authors { id slug name } body { ... on ParagraphBlock { text } } } }", Map.of("slug", slug));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        JsonNode authors = response.data("article.authors");
        assertThat(authors.size()).isEqualTo(2);
        assertThat(authors.path(0).path("id").asString()).isEqualTo("sample-author-priya");
        assertThat(authors.path(1).path("slug").asString()).isEqualTo("zoe-brennan-" + slug);
        assertThat(authors.path(1).path("name").asString()).isEqualTo("Zoë Brennan-" + slug);
        // The body as served has the newsroom's appeals placed in it; the stored paragraph is among them.
        List<String> texts = new java.util.ArrayList<>();
        response.data("article.body").forEach(block -> texts.add(block.path("text").asString("")));
        assertThat(texts).contains("The old shape still reads.");
        Response authorPage = GraphQlHttp.at(port).query("query($slug: String!) { author(slug: $slug) { articles "
                + "{ edges { node { slug } } } } }", Map.of("slug", "zoe-brennan-" + slug));
        assertThat(authorPage.data("author.articles.edges.0.node.slug").asString()).isEqualTo(slug);
    }

    /** Exactly the fields and BSON types the former hand-written mapping (and so today's databases) held before authorIds existed. */
    private static Document legacyDocument(String slug, List<Document> bylines) {
        Date at = new Date(1_790_000_000_000L);
        return new Document("_id", slug).append("slug", slug).append("title", "Legacy " + slug)
                .append("standfirst", null).append("section", "news").append("tags", List.of("archive"))
                .append("authors", bylines).append("status", "PUBLISHED").append("publishedAt", at)
                .append("updatedAt", at).append("version", 3L).append("featuredImage", null)
                .append("body", List.of(new Document("type", "paragraph").append("spans", List.of(
                        new Document("text", "The old shape still reads.").append("marks", List.of()).append("href", null)))))
                .append("commentMode", "OPEN").append("suppressDonations", false).append("commentCount", 0)
                .append("seq", 1L);
    }
}
