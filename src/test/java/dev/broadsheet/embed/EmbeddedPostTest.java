package dev.broadsheet.embed;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.embed.OEmbedStub.Reply;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Editors register embedded posts from the providers' oEmbed endpoints (a local stub) or from snapshots;
 * through Spring's HttpGraphQlTester with the embed documents. The provider endpoints point at the stub,
 * so this class has an application of its own.
 */
@ApiTest
class EmbeddedPostTest {

    static final OEmbedStub PROVIDERS = OEmbedStub.start();

    static final String HOSTILE_HTML = "<blockquote class=\"twitter-tweet\" onmouseover=\"steal()\"><p lang=\"en\">Tins are out "
            + "in 14 shops. <a href=\"javascript:alert(1)\">click</a> <a href=\"https://example.org/tins\" onclick=\"steal()\">"
            + "photos</a></p>&mdash; Harbour Road Traders (@harbourtraders) <img src=x onerror=alert(1)>"
            + "<a href=\"data:text/html,hi\">November 20</a></blockquote>\n"
            + "<script async src=\"https://platform.twitter.com/widgets.js\"></script><style>body{display:none}</style>";

    /**
     * The fetch deadline: the JDK HTTP client's own timer, which no test clock drives, so the two hanging
     * cases each wait this long. Long enough that a provider answering at once is never mistaken for one
     * that hangs on a loaded machine (the whole of an answering test, first connection included, takes
     * under 0.3 s on the two-core build machine), short enough that the hanging cases stay quick.
     */
    static final long TIMEOUT_MS = 1000;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.embeds.timeout", () -> TIMEOUT_MS + "ms");
        registry.add("broadsheet.embeds.x.endpoint", () -> PROVIDERS.endpoint("x"));
        registry.add("broadsheet.embeds.youtube.endpoint", () -> PROVIDERS.endpoint("youtube"));
        registry.add("broadsheet.embeds.bluesky.endpoint", () -> PROVIDERS.endpoint("bluesky"));
        registry.add("broadsheet.embeds.mastodon.endpoint", () -> PROVIDERS.endpoint("mastodon"));
        registry.add("broadsheet.embeds.mastodon.hosts", () -> "social.example");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    EmbedService embeds;

    private static HttpGraphQlTester editor;

    @Test
    void fetchingStoresTheProvidersPostWithItsHtmlSanitised() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet(HOSTILE_HTML)));

        GraphQlTester.Response created = create(editor(), Map.of("url", url, "fetch", true));

        String html = created.path("createEmbeddedPost.snapshot.html").entity(String.class).get();
        assertThat(html).contains("Tins are out in 14 shops.", "href=\"https://example.org/tins\"", "class=\"twitter-tweet\"")
                .doesNotContain("<script", "widgets.js", "<style", "onclick", "onmouseover", "onerror", "<img",
                        "javascript:", "data:");
        String snapshot = "createEmbeddedPost.snapshot";
        created.path(snapshot + ".text").entity(String.class)
                .isEqualTo("Tins are out in 14 shops. click photos — Harbour Road Traders (@harbourtraders) November 20");
        created.path(snapshot + ".provider").entity(String.class).isEqualTo("X");
        created.path(snapshot + ".authorName").entity(String.class).isEqualTo("Harbour Road Traders");
        created.path(snapshot + ".authorHandle").entity(String.class).isEqualTo("@harbourtraders");
        created.path(snapshot + ".sourceStatus").entity(String.class).isEqualTo("LIVE");
        created.path("createEmbeddedPost.lastFetch.succeeded").entity(Boolean.class).isEqualTo(true);
        assertThat(PROVIDERS.requests()).contains("/x/oembed " + url);
        String id = created.path("createEmbeddedPost.id").entity(String.class).get();
        assertThat(embeds.snapshot(id)).as("what article bodies copy").hasValueSatisfying(post -> {
            assertThat(post.html()).isEqualTo(html);
            assertThat(post.url()).isEqualTo(url);
        });
    }

    @Test
    void youTubeVideosKeepTheirPlayerFrameButNoOtherFrame() {
        String url = "https://www.youtube.com/watch?v=" + UUID.randomUUID();
        PROVIDERS.answer(url, Reply.json("{\"type\":\"video\",\"title\":\"Harbour Choir: Winter concert\","
                + "\"author_name\":\"Harbour Choir\",\"author_url\":\"https://www.youtube.com/@harbourchoir\","
                + "\"html\":\"<iframe width=\\\"200\\\" height=\\\"113\\\" src=\\\"https://www.youtube.com/embed/abc123\\\" "
                + "onload=\\\"x()\\\" allowfullscreen></iframe><iframe src=\\\"https://evil.example/embed\\\"></iframe>\"}"));

        GraphQlTester.Response created = create(editor(), Map.of("url", url, "fetch", true));

        created.path("createEmbeddedPost.snapshot.provider").entity(String.class).isEqualTo("YOUTUBE");
        created.path("createEmbeddedPost.snapshot.text").entity(String.class).isEqualTo("Harbour Choir: Winter concert");
        assertThat(created.path("createEmbeddedPost.snapshot.html").entity(String.class).get())
                .contains("src=\"https://www.youtube.com/embed/abc123\"").doesNotContain("evil.example", "onload");
    }

    @Test
    void aSnapshotFromTheAdminUiIsStoredSanitisedWithTheProviderTakenFromTheHost() {
        Map<String, Object> snapshot = new HashMap<>();
        snapshot.put("authorName", "Harbour Workers' Union");
        snapshot.put("authorUrl", "https://social.example/@harbourworkers");
        snapshot.put("html", "<p>Day one at Eastgate.</p><script>alert(1)</script>");
        snapshot.put("postedAt", "2026-11-20T09:00:00Z");

        GraphQlTester.Response created = create(editor(), Map.of("url", "https://social.example/@harbourworkers/1", "snapshot", snapshot));
        GraphQlTester.Response other = create(editor(), Map.of("url", "https://blog.example/post/1",
                "snapshot", Map.of("text", "A post elsewhere")));

        created.path("createEmbeddedPost.provider").entity(String.class).isEqualTo("MASTODON");
        created.path("createEmbeddedPost.snapshot.html").entity(String.class).isEqualTo("<p>Day one at Eastgate.</p>");
        created.path("createEmbeddedPost.snapshot.text").entity(String.class).isEqualTo("Day one at Eastgate.");
        created.path("createEmbeddedPost.snapshot.postedAt").entity(String.class).isEqualTo("2026-11-20T09:00:00Z");
        created.path("createEmbeddedPost.lastFetch").valueIsNull();
        other.path("createEmbeddedPost.provider").entity(String.class).isEqualTo("OTHER");
    }

    @Test
    void aFetchThatTimesOutStoresNothingAndSaysSo() {
        long before = embedCount();
        String url = xPost();
        PROVIDERS.answer(url, Reply.hanging());

        Map<String, Object> refused = firstError(create(editor(), Map.of("url", url, "fetch", true)));

        assertThat(refused).containsEntry("code", "UNAVAILABLE");
        assertThat((String) refused.get("message")).contains("did not answer within " + TIMEOUT_MS + " ms");
        assertThat(embedCount()).isEqualTo(before);
    }

    @Test
    void aPostTheProviderDoesNotKnowIsRefusedUnlessASnapshotStandsIn() {
        long before = embedCount();
        String url = xPost();
        PROVIDERS.answer(url, Reply.status(404));

        GraphQlTester.Response refused = create(editor(), Map.of("url", url, "fetch", true));
        GraphQlTester.Response kept = create(editor(), Map.of("url", url, "fetch", true,
                "snapshot", Map.of("text", "Captured before it was deleted")));

        assertThat(firstError(refused)).containsEntry("code", "VALIDATION").containsEntry("field", "url");
        kept.path("createEmbeddedPost.snapshot.sourceStatus").entity(String.class).isEqualTo("DELETED");
        kept.path("createEmbeddedPost.snapshot.text").entity(String.class).isEqualTo("Captured before it was deleted");
        assertThat(kept.path("createEmbeddedPost.lastFetch.error").entity(String.class).get()).contains("HTTP 404");
        assertThat(embedCount()).isEqualTo(before + 1);
    }

    @Test
    void aFailedRefreshKeepsThePreviousSnapshotAndRecordsWhy() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Original words</p>")));
        String id = createdId(Map.of("url", url, "fetch", true));

        PROVIDERS.answer(url, Reply.status(503));
        GraphQlTester.Response unavailable = refresh(id, 1);
        PROVIDERS.answer(url, Reply.hanging());
        GraphQlTester.Response timedOut = refresh(id, null);
        PROVIDERS.answer(url, Reply.status(410));
        GraphQlTester.Response deleted = refresh(id, 3);

        String post = "refreshEmbeddedPost";
        unavailable.path(post + ".snapshot.text").entity(String.class).isEqualTo("Original words");
        unavailable.path(post + ".snapshot.sourceStatus").entity(String.class).isEqualTo("UNAVAILABLE");
        unavailable.path(post + ".lastFetch.succeeded").entity(Boolean.class).isEqualTo(false);
        assertThat(unavailable.path(post + ".lastFetch.error").entity(String.class).get()).contains("HTTP 503");
        timedOut.path(post + ".snapshot.html").entity(String.class).isEqualTo("<p>Original words</p>");
        assertThat(timedOut.path(post + ".lastFetch.error").entity(String.class).get()).contains(TIMEOUT_MS + " ms");
        deleted.path(post + ".snapshot.sourceStatus").entity(String.class).isEqualTo("DELETED");
        deleted.path(post + ".snapshot.text").entity(String.class).isEqualTo("Original words");
        deleted.path(post + ".version").entity(Integer.class).isEqualTo(4);
    }

    @Test
    void aSuccessfulRefreshReplacesTheSnapshot() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Before</p>")));
        String id = createdId(Map.of("url", url, "fetch", true));
        PROVIDERS.answer(url, Reply.status(500));
        refresh(id, 1).errors().verify();
        PROVIDERS.answer(url, Reply.json(tweet("<p>After an edit</p>")));

        GraphQlTester.Response refreshed = refresh(id, 2);

        refreshed.path("refreshEmbeddedPost.snapshot.text").entity(String.class).isEqualTo("After an edit");
        refreshed.path("refreshEmbeddedPost.snapshot.sourceStatus").entity(String.class).isEqualTo("LIVE");
        refreshed.path("refreshEmbeddedPost.lastFetch.succeeded").entity(Boolean.class).isEqualTo(true);
        assertThat(embeds.snapshot(id).orElseThrow().text()).isEqualTo("After an edit");
    }

    @Test
    void aStaleVersionRefusesTheRefreshAndChangesNothing() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Kept</p>")));
        String id = createdId(Map.of("url", url, "fetch", true));
        refresh(id, 1).errors().verify();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Not applied</p>")));

        GraphQlTester.Response stale = refresh(id, 1);

        assertThat(firstError(stale)).containsEntry("code", "VERSION_CONFLICT");
        GraphQlTester.Response read = read(editor(), id);
        read.path("embeddedPost.version").entity(Integer.class).isEqualTo(2);
        read.path("embeddedPost.snapshot.text").entity(String.class).isEqualTo("Kept");
    }

    @Test
    void badInputIsRefusedWithTheFieldPathAndNothingIsWritten() {
        long before = embedCount();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("url", Map.of("url", "javascript:alert(1)", "snapshot", Map.of("text", "x")));
        cases.put("snapshot", Map.of("url", "https://blog.example/1"));
        cases.put("snapshot.text", Map.of("url", "https://blog.example/1", "snapshot", Map.of("authorName", "No words")));
        cases.put("snapshot.authorUrl", Map.of("url", "https://blog.example/1", "snapshot", Map.of("text", "x", "authorUrl", "ftp://a.example/")));
        cases.put("snapshot.html", Map.of("url", "https://blog.example/1", "snapshot", Map.of("html", "<p>" + "x".repeat(20_001) + "</p>")));
        cases.put("snapshot.postedAt", Map.of("url", "https://blog.example/1", "snapshot", Map.of("text", "x", "postedAt", "2999-01-01T00:00:00Z")));
        cases.put("url ", Map.of("url", "https://blog.example/1", "fetch", true));

        cases.forEach((field, variables) -> {
            Map<String, Object> refused = firstError(create(editor(), variables));
            assertThat(refused).as(field).containsEntry("code", "VALIDATION").containsEntry("field", field.strip());
        });
        assertThat(embedCount()).isEqualTo(before);
    }

    @Test
    void onlyEditorsAndAdminsRegisterRefreshOrReadEmbeds() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Roles</p>")));
        String id = createdId(Map.of("url", url, "fetch", true));
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = embedCount();
            HttpGraphQlTester client = role == null ? Testers.anonymous(port) : Testers.as(port, role);
            List<GraphQlTester.Response> refused = List.of(
                    create(client, Map.of("url", xPost(), "snapshot", Map.of("text", "sneaky"))),
                    client.documentName("embed/refresh").variable("id", id).execute(),
                    read(client, id));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            refused.forEach(response -> assertThat(firstError(response)).as(String.valueOf(role)).containsEntry("code", expected));
            assertThat(embedCount()).isEqualTo(before);
            read(editor(), id).path("embeddedPost.version").entity(Integer.class).isEqualTo(1);
        }
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            HttpGraphQlTester client = Testers.as(port, role);
            create(client, Map.of("url", xPost(), "snapshot", Map.of("text", "by " + role))).errors().verify();
            client.documentName("embed/refresh").variable("id", id).execute().errors().verify();
        }
    }

    @Test
    void everyEmbedMutationLeavesAnAuditEntry() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Audited</p>")));
        String id = createdId(Map.of("url", url, "fetch", true));
        refresh(id, 1).errors().verify();

        GraphQlTester.Response log = Testers.as(port, Tokens.Role.ADMIN).documentName("embed/auditLog")
                .variable("entityId", id).execute();

        log.path("auditLog.edges[*].node.action").entityList(String.class).containsExactly("refreshEmbeddedPost", "createEmbeddedPost");
        log.path("auditLog.edges[0].node.version").entity(Integer.class).isEqualTo(2);
        log.path("auditLog.edges[0].node.entityType").entity(String.class).isEqualTo("embeddedPost");
    }

    private static GraphQlTester.Response create(HttpGraphQlTester client, Map<String, Object> variables) {
        return client.documentName("embed/create").variables(variables).execute();
    }

    private String createdId(Map<String, Object> variables) {
        return create(editor(), variables).path("createEmbeddedPost.id").entity(String.class).get();
    }

    private static GraphQlTester.Response read(HttpGraphQlTester client, String id) {
        return client.documentName("embed/embed").variable("id", id).execute();
    }

    private GraphQlTester.Response refresh(String id, Integer expectedVersion) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("expectedVersion", expectedVersion);
        return editor().documentName("embed/refresh").variables(variables).execute();
    }

    private long embedCount() {
        return database.getCollection("embedded_posts").countDocuments(new Document());
    }

    /** One tester for the class: building one costs several times what a request through it does. */
    private HttpGraphQlTester editor() {
        if (editor == null) {
            editor = Testers.as(port, Tokens.Role.EDITOR);
        }
        return editor;
    }

    private static String xPost() {
        return "https://x.com/harbourtraders/status/" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    }

    private static String tweet(String html) {
        return "{\"type\":\"rich\",\"author_name\":\"Harbour Road Traders\",\"author_url\":\"https://twitter.com/harbourtraders\","
                + "\"html\":" + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(html) + "}";
    }
}
