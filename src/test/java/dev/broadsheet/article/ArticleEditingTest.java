package dev.broadsheet.article;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.Tokens.Role.EDITOR;
import static dev.broadsheet.article.Editorial.code;
import static dev.broadsheet.article.Editorial.hasErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.time.Clock;
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
import org.springframework.graphql.test.tester.GraphQlTester;

/** The editorial workflow as an editor's client drives it, through HttpGraphQlTester and the editing documents. */
@ApiTest
class ArticleEditingTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    Clock clock;

    Editorial editor;
    Editorial reader;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
        reader = Editorial.as(port, null);
    }

    @Test
    void aDraftIsPublishedAndUnpublishedAsAnAnonymousReaderSeesIt() {
        GraphQlTester.Response draft = editor.createDraft(Editorial.uniqueSlug("cycle"));
        String id = draft.path("createArticle.id").entity(String.class).get();
        draft.path("createArticle.status").entity(String.class).isEqualTo("DRAFT");
        reader.read(id).path("article").valueIsNull(); // draft hidden
        editor.preview(id).path("article.title").entity(String.class).isEqualTo("Ferry fares rise again");

        editor.transition("publish", id, 1).path("publishArticle.status").entity(String.class).isEqualTo("PUBLISHED");
        reader.read(id).path("article.title").entity(String.class).isEqualTo("Ferry fares rise again");

        editor.transition("unpublish", id, 2).path("unpublishArticle.status").entity(String.class).isEqualTo("DRAFT");
        // Hidden again, and nothing leaks: the same null, without errors, as for a missing article.
        reader.read(id).errors().verify().path("article").valueIsNull();
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenBodyBlocksIncluded() {
        String id = editor.draftId(Editorial.uniqueSlug("partial"));
        String embedId = registeredEmbed();

        GraphQlTester.Response updated = editor.update(id, 1, Map.of(
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

        updated.errors().verify();
        assertThat(updated.path("updateArticle.title").entity(String.class).get()).as("untouched")
                .isEqualTo("Ferry fares rise again");
        updated.path("updateArticle.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateArticle.featuredImage.crop.width").entity(Integer.class).isEqualTo(770);
        assertThat(updated.path("updateArticle.body[*].__typename").entityList(String.class).get())
                .as("as written, with appeals placed by rule")
                .containsSubsequence("ParagraphBlock", "HeadingBlock", "QuoteBlock", "ImageBlock", "EmbeddedPostBlock",
                        "ReadMoreBlock");
        assertThat(first(updated, "updateArticle.body[?(@.html)].html")).as("the first paragraph (an appeal may precede it)")
                .isEqualTo("Read the <a href=\"https://tidewater.example/fares\"><strong>fare table</strong></a>");
        assertThat(first(updated, "updateArticle.body[?(@.post)].post.text")).isEqualTo("Snapshot text");
        assertThat(first(updated, "updateArticle.body[?(@.article)].article.slug"))
                .isEqualTo("council-delays-vote-on-branch-library-closures");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = editor.draftId(Editorial.uniqueSlug("stale"));
        editor.update(id, 1, Map.of("title", "First editor's title")).errors().verify();

        GraphQlTester.Response stale = editor.update(id, 1, Map.of("title", "Second editor's title"));

        assertThat(firstError(stale)).containsEntry("code", "VERSION_CONFLICT").containsEntry("currentVersion", 2);
        GraphQlTester.Response current = editor.preview(id);
        current.path("article.title").entity(String.class).isEqualTo("First editor's title");
        current.path("article.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void ofFiftyConcurrentUpdatesNamingTheSameVersionExactlyOneWins() throws Exception {
        String id = editor.draftId(Editorial.uniqueSlug("race"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<GraphQlTester.Response>> updates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String title = "Title from editor " + i;
            updates.add(() -> editor.update(id, 1, Map.of("title", title)));
        }
        List<GraphQlTester.Response> results = new ArrayList<>();
        for (Future<GraphQlTester.Response> future : pool.invokeAll(updates)) {
            results.add(future.get());
        }
        pool.shutdown();

        List<GraphQlTester.Response> winners = results.stream().filter(r -> !hasErrors(r)).toList();
        assertThat(winners).hasSize(1);
        assertThat(results.stream().filter(r -> hasErrors(r) && "VERSION_CONFLICT".equals(code(r)))).hasSize(49);
        GraphQlTester.Response current = editor.preview(id);
        current.path("article.version").entity(Integer.class).isEqualTo(2);
        current.path("article.title").entity(String.class)
                .isEqualTo(winners.get(0).path("updateArticle.title").entity(String.class).get());
        editor.revisions(id).path("article.revisions.edges").entityList(Object.class).hasSize(2);
    }

    @Test
    void everySaveMakesARevisionAndAnOldOneCanBeRestored() {
        String id = editor.draftId(Editorial.uniqueSlug("revisions"));
        editor.update(id, 1, Map.of("title", "Second title", "revisionSummary", "Sharper headline")).errors().verify();
        editor.update(id, 2, Map.of("title", "Third title")).errors().verify();

        GraphQlTester.Response history = editor.revisions(id);
        history.path("article.revisions.edges[*].node.title").entityList(String.class)
                .containsExactly("Third title", "Second title", "Ferry fares rise again");
        history.path("article.revisions.edges[1].node.summary").entity(String.class).isEqualTo("Sharper headline");
        history.path("article.revisions.edges[0].node.by.name").entity(String.class).isEqualTo("test EDITOR");

        GraphQlTester.Response restored = editor.restore(id, 1, 3);

        restored.path("restoreArticleRevision.title").entity(String.class).isEqualTo("Ferry fares rise again");
        restored.path("restoreArticleRevision.version").entity(Integer.class).isEqualTo(4);
        editor.revisions(id).path("article.revisions.edges[0].node.summary").entity(String.class)
                .isEqualTo("Restored revision 1");
        assertThat(code(editor.restore(id, 99, 4))).isEqualTo("VALIDATION");
    }

    @Test
    void slugsAreValidatedAndUnique() {
        String slug = Editorial.uniqueSlug("unique");
        editor.createDraft(slug);

        Map<String, Object> clash = firstError(editor.create(Editorial.draft(slug)));
        GraphQlTester.Response malformed = editor.create(Editorial.draft("Not A Slug!"));

        assertThat(clash).containsEntry("code", "VALIDATION").containsEntry("field", "input.slug");
        assertThat((String) clash.get("message")).contains("already used");
        assertThat(code(malformed)).isEqualTo("VALIDATION");
    }

    @Test
    void invalidInputIsRefusedWithItsFieldPathBeforeAnythingIsWritten() {
        String id = editor.draftId(Editorial.uniqueSlug("invalid"));
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

        cases.forEach((field, input) -> assertThat(firstError(editor.update(id, 1, input))).as(field)
                .containsEntry("code", "VALIDATION").containsEntry("field", field));
        GraphQlTester.Response twoKinds = editor.update(id, 1, Map.of("body", List.of(Map.of(
                "paragraph", Map.of("text", "a"), "heading", Map.of("text", "b")))));
        assertThat(code(twoKinds)).as("a block with two kinds").isEqualTo("VALIDATION");
        assertThat(editor.preview(id).path("article.version").entity(Integer.class).get()).as("nothing written")
                .isEqualTo(1);
    }

    @Test
    void schedulingValidatesTheTime() {
        String id = editor.draftId(Editorial.uniqueSlug("when"));

        assertThat(code(editor.schedule(id, 1, "2020-01-01T00:00:00Z"))).isEqualTo("VALIDATION");
        assertThat(code(editor.schedule(id, 1, "next tuesday"))).isEqualTo("VALIDATION");
        editor.schedule(id, 1, clock.instant().plusSeconds(3600).toString()).path("scheduleArticle.status")
                .entity(String.class).isEqualTo("SCHEDULED");
    }

    @Test
    void editorsSeeDraftsOnTheirDeskMostRecentlyChangedFirst() {
        String older = editor.draftId(Editorial.uniqueSlug("desk"));
        String newer = editor.draftId(Editorial.uniqueSlug("desk"));
        Map<String, Object> desk = Map.of("status", "DRAFT", "first", 100);

        GraphQlTester.Response drafts = editor.search(desk);

        assertThat(drafts.path("editorialArticles.edges[*].node.id").entityList(String.class).get())
                .containsSubsequence(newer, older).contains("sample-article-bus-cuts");
        drafts.path("editorialArticles.edges[*].node.status").entityList(String.class).satisfies(
                statuses -> assertThat(statuses).containsOnly("DRAFT"));
        assertThat(code(reader.search(desk))).isEqualTo("UNAUTHENTICATED");
    }

    private static String first(GraphQlTester.Response response, String path) {
        List<String> values = response.path(path).entityList(String.class).get();
        assertThat(values).as(path).isNotEmpty();
        return values.get(0);
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
