package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class ArticleEditingTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    Editorial editor;
    Editorial reader;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
        reader = Editorial.as(port, null);
    }

    @Test
    void aDraftIsPublishedAndUnpublishedAsAnAnonymousReaderSeesIt() {
        JsonNode draft = editor.createDraft(Editorial.uniqueSlug("cycle"));
        String id = draft.path("id").asString();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(reader.read(id).data("article").isNull()).as("draft hidden").isTrue();
        assertThat(editor.preview(id).data("article.title").asString()).isEqualTo("Ferry fares rise again");

        Response published = editor.transition("publish", id, 1);
        assertThat(published.data("publishArticle.status").asString()).isEqualTo("PUBLISHED");
        assertThat(reader.read(id).data("article.title").asString()).isEqualTo("Ferry fares rise again");

        Response unpublished = editor.transition("unpublish", id, 2);
        assertThat(unpublished.data("unpublishArticle.status").asString()).isEqualTo("DRAFT");
        assertThat(reader.read(id).data("article").isNull()).as("hidden again").isTrue();
        assertThat(reader.read(id).hasErrors()).as("nothing leaks: the same null as a missing article").isFalse();
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenBodyBlocksIncluded() {
        String id = editor.createDraft(Editorial.uniqueSlug("partial")).path("id").asString();
        String embedId = registeredEmbed();

        Response updated = editor.update(id, 1, Map.of(
                "standfirst", "Commuters face a second rise this year.",
                "featuredImage", Map.of("assetId", "sample-asset-picket",
                        "crop", Map.of("x", 0, "y", 0, "width", 770, "height", 403), "caption", "The queue"),
                "body", List.of(
                        Map.of("paragraph", Map.of("spans", List.of(Map.of("text", "Read the "),
                                Map.of("text", "fare table", "href", "https://tidewater.example/fares", "marks", List.of("STRONG"))))),
                        Map.of("heading", Map.of("level", 3, "text", "What riders say")),
                        Map.of("quote", Map.of("text", "It adds up.", "speaker", "A commuter")),
                        Map.of("image", Map.of("assetId", "sample-asset-banner")),
                        Map.of("embeddedPost", Map.of("embedId", embedId)),
                        Map.of("readMore", Map.of("label", "Read on", "articleId", "sample-article-library")))));

        assertThat(updated.hasErrors()).as(updated.body().toString()).isFalse();
        JsonNode article = updated.data("updateArticle");
        assertThat(article.path("title").asString()).as("untouched").isEqualTo("Ferry fares rise again");
        assertThat(article.path("version").asInt()).isEqualTo(2);
        assertThat(article.path("featuredImage").path("crop").path("width").asInt()).isEqualTo(770);
        assertThat(ArticleQueryTest.typesOf(article.path("body"))).as("as written, with appeals placed by rule")
                .containsSubsequence("ParagraphBlock", "HeadingBlock", "QuoteBlock", "ImageBlock", "EmbeddedPostBlock",
                        "ReadMoreBlock");
        assertThat(article.path("body").findValue("html").asString()).as("the first paragraph (an appeal may precede it)")
                .isEqualTo("Read the <a href=\"https://tidewater.example/fares\"><strong>fare table</strong></a>");
        assertThat(article.findValue("post").path("text").asString()).isEqualTo("Snapshot text");
        assertThat(article.findValue("article").path("slug").asString())
                .isEqualTo("council-delays-vote-on-branch-library-closures");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = editor.createDraft(Editorial.uniqueSlug("stale")).path("id").asString();
        editor.update(id, 1, Map.of("title", "First editor's title"));

        Response stale = editor.update(id, 1, Map.of("title", "Second editor's title"));

        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.errors().path(0).path("extensions").path("currentVersion").asInt()).isEqualTo(2);
        JsonNode current = editor.preview(id).data("article");
        assertThat(current.path("title").asString()).isEqualTo("First editor's title");
        assertThat(current.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void ofFiftyConcurrentUpdatesNamingTheSameVersionExactlyOneWins() throws Exception {
        String id = editor.createDraft(Editorial.uniqueSlug("race")).path("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Response>> updates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String title = "Title from editor " + i;
            updates.add(() -> editor.update(id, 1, Map.of("title", title)));
        }
        List<Response> results = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(updates)) {
            results.add(future.get());
        }
        pool.shutdown();

        List<Response> winners = results.stream().filter(r -> !r.hasErrors()).toList();
        assertThat(winners).hasSize(1);
        assertThat(results.stream().filter(r -> "VERSION_CONFLICT".equals(r.firstErrorCode()))).hasSize(49);
        JsonNode current = editor.preview(id).data("article");
        assertThat(current.path("version").asInt()).isEqualTo(2);
        assertThat(current.path("title").asString()).isEqualTo(winners.get(0).data("updateArticle.title").asString());
        assertThat(editor.revisions(id).data("article.revisions.edges").size()).isEqualTo(2);
    }

    @Test
    void everySaveMakesARevisionAndAnOldOneCanBeRestored() {
        String id = editor.createDraft(Editorial.uniqueSlug("revisions")).path("id").asString();
        editor.update(id, 1, Map.of("title", "Second title", "revisionSummary", "Sharper headline"));
        editor.update(id, 2, Map.of("title", "Third title"));

        JsonNode history = editor.revisions(id).data("article.revisions.edges");
        assertThat(history.findValuesAsString("title")).containsExactly("Third title", "Second title", "Ferry fares rise again");
        assertThat(history.path(1).path("node").path("summary").asString()).isEqualTo("Sharper headline");
        assertThat(history.path(0).path("node").path("by").path("name").asString()).isEqualTo("test EDITOR");

        Response restored = editor.restore(id, 1, 3);

        assertThat(restored.data("restoreArticleRevision.title").asString()).isEqualTo("Ferry fares rise again");
        assertThat(restored.data("restoreArticleRevision.version").asInt()).isEqualTo(4);
        assertThat(editor.revisions(id).data("article.revisions.edges.0.node.summary").asString())
                .isEqualTo("Restored revision 1");
        assertThat(editor.restore(id, 99, 4).firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void slugsAreValidatedAndUnique() {
        String slug = Editorial.uniqueSlug("unique");
        editor.createDraft(slug);

        Response clash = editor.create(Editorial.draft(slug));
        Response malformed = editor.create(Editorial.draft("Not A Slug!"));

        assertThat(clash.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(clash.errors().path(0).path("extensions").path("field").asString()).isEqualTo("input.slug");
        assertThat(clash.errors().path(0).path("message").asString()).contains("already used");
        assertThat(malformed.firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void invalidInputIsRefusedWithItsFieldPathBeforeAnythingIsWritten() {
        String id = editor.createDraft(Editorial.uniqueSlug("invalid")).path("id").asString();
        Map<String, Map<String, Object>> cases = Map.of(
                "input.featuredImage.crop", Map.of("featuredImage", Map.of("assetId", "sample-asset-banner",
                        "crop", Map.of("x", 2000, "y", 0, "width", 770, "height", 403))),
                "input.featuredImage.assetId", Map.of("featuredImage", Map.of("assetId", "no-such-asset")),
                "input.title", Map.of("title", "x".repeat(301)),
                "input.body", Map.of("body", java.util.Collections.nCopies(501, Map.of("paragraph", Map.of("text", "x")))),
                "input.body[0].paragraph.spans[0].href", Map.of("body", List.of(Map.of("paragraph",
                        Map.of("spans", List.of(Map.of("text", "click", "href", "javascript:alert(1)")))))),
                "input.body[0].readMore", Map.of("body", List.of(Map.of("readMore", Map.of("label", "Both",
                        "articleId", "sample-article-library", "url", "https://example.org/")))),
                "input.tags", Map.of("tags", java.util.Collections.nCopies(31, "tag")));

        cases.forEach((field, input) -> {
            Response response = editor.update(id, 1, input);
            assertThat(response.firstErrorCode()).as(field).isEqualTo("VALIDATION");
            assertThat(response.errors().path(0).path("extensions").path("field").asString()).as(field).isEqualTo(field);
        });
        Response twoKinds = editor.update(id, 1, Map.of("body", List.of(Map.of(
                "paragraph", Map.of("text", "a"), "heading", Map.of("text", "b")))));
        assertThat(twoKinds.firstErrorCode()).as("a block with two kinds").isEqualTo("VALIDATION");
        assertThat(editor.preview(id).data("article.version").asInt()).as("nothing written").isEqualTo(1);
    }

    @Test
    void schedulingValidatesTheTime() {
        String id = editor.createDraft(Editorial.uniqueSlug("when")).path("id").asString();

        assertThat(editor.schedule(id, 1, "2020-01-01T00:00:00Z").firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(editor.schedule(id, 1, "next tuesday").firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(editor.schedule(id, 1, Instant.now().plusSeconds(3600).toString()).data("scheduleArticle.status")
                .asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void editorsSeeDraftsOnTheirDeskMostRecentlyChangedFirst() {
        String older = editor.createDraft(Editorial.uniqueSlug("desk")).path("id").asString();
        String newer = editor.createDraft(Editorial.uniqueSlug("desk")).path("id").asString();
        String desk = "{ editorialArticles(status: DRAFT, first: 100) { edges { node { id status } } } }";

        Response drafts = dev.broadsheet.Tokens.client(port, EDITOR).query(desk, Map.of());
        List<String> ids = drafts.data("editorialArticles.edges").findValuesAsString("id");

        assertThat(ids).containsSubsequence(newer, older).contains("sample-article-bus-cuts");
        assertThat(drafts.data("editorialArticles.edges").findValuesAsString("status")).containsOnly("DRAFT");
        assertThat(dev.broadsheet.Tokens.client(port, null).query(desk, Map.of()).firstErrorCode()).isEqualTo("UNAUTHENTICATED");
    }

    /** An embed as the admin UI registers it (stored directly: the embed API is tested on its own). */
    private String registeredEmbed() {
        String id = "test-embed-" + System.nanoTime();
        database.getCollection("embedded_posts").insertOne(new Document("_id", id).append("snapshot",
                new Document("provider", "BLUESKY").append("url", "https://bsky.app/profile/x/post/1")
                        .append("authorName", "X").append("authorHandle", "@x").append("authorUrl", null)
                        .append("text", "Snapshot text").append("postedAt", null).append("capturedAt", new Date())
                        .append("sourceStatus", "LIVE")));
        return id;
    }
}
