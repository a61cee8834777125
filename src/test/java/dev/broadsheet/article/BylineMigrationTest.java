package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Articles stored by the code before authors were entities keep their by-lines, now as author entities (HttpGraphQlTester). */
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

        GraphQlTester.Response response = Editorial.tester(port, null).documentName("article/bylines").variable("slug", slug)
                .execute();
        response.errors().verify();
        response.path("article.authors").entityList(Object.class).hasSize(2);
        response.path("article.authors[0].id").entity(String.class).isEqualTo("sample-author-priya");
        response.path("article.authors[1].slug").entity(String.class).isEqualTo("zoe-brennan-" + slug);
        response.path("article.authors[1].name").entity(String.class).isEqualTo("Zoë Brennan-" + slug);
        // The body as served has the newsroom's appeals placed in it; the stored paragraph is among them.
        assertThat(response.path("article.body[*].text").entityList(String.class).get()).contains("The old shape still reads.");
        Editorial.tester(port, null).documentName("author/authorArticles").variable("slug", "zoe-brennan-" + slug).execute()
                .path("author.articles.edges[0].node.slug").entity(String.class).isEqualTo(slug);
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
