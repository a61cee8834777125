package dev.broadsheet.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
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
import tools.jackson.databind.JsonNode;

@ApiTest
class EmbeddedPostTest {

    static final OEmbedStub PROVIDERS = OEmbedStub.start();

    static final String HOSTILE_HTML = "<blockquote class=\"twitter-tweet\" onmouseover=\"steal()\"><p lang=\"en\">Tins are out "
            + "in 14 shops. <a href=\"javascript:alert(1)\">click</a> <a href=\"https://example.org/tins\" onclick=\"steal()\">"
            + "photos</a></p>&mdash; Harbour Road Traders (@harbourtraders) <img src=x onerror=alert(1)>"
            + "<a href=\"data:text/html,hi\">November 20</a></blockquote>\n"
            + "<script async src=\"https://platform.twitter.com/widgets.js\"></script><style>body{display:none}</style>";

    /**
     * Long enough that a provider answering at once is never mistaken for one that hangs on a loaded
     * machine (the first fetch also opens the connection), short enough that the hanging cases stay quick.
     */
    static final long TIMEOUT_MS = 2000;

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

    @Test
    void fetchingStoresTheProvidersPostWithItsHtmlSanitised() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet(HOSTILE_HTML)));

        Response created = editor().document("embed/create", Map.of("url", url, "fetch", true));

        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        JsonNode snapshot = created.data("createEmbeddedPost.snapshot");
        String html = snapshot.path("html").asString();
        assertThat(html).contains("Tins are out in 14 shops.", "href=\"https://example.org/tins\"", "class=\"twitter-tweet\"")
                .doesNotContain("<script", "widgets.js", "<style", "onclick", "onmouseover", "onerror", "<img",
                        "javascript:", "data:");
        assertThat(snapshot.path("text").asString())
                .isEqualTo("Tins are out in 14 shops. click photos — Harbour Road Traders (@harbourtraders) November 20");
        assertThat(snapshot.path("provider").asString()).isEqualTo("X");
        assertThat(snapshot.path("authorName").asString()).isEqualTo("Harbour Road Traders");
        assertThat(snapshot.path("authorHandle").asString()).isEqualTo("@harbourtraders");
        assertThat(snapshot.path("sourceStatus").asString()).isEqualTo("LIVE");
        assertThat(created.data("createEmbeddedPost.lastFetch.succeeded").asBoolean()).isTrue();
        assertThat(PROVIDERS.requests()).contains("/x/oembed " + url);
        String id = created.data("createEmbeddedPost.id").asString();
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

        JsonNode snapshot = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.snapshot");

        assertThat(snapshot.path("provider").asString()).isEqualTo("YOUTUBE");
        assertThat(snapshot.path("text").asString()).isEqualTo("Harbour Choir: Winter concert");
        assertThat(snapshot.path("html").asString()).contains("src=\"https://www.youtube.com/embed/abc123\"")
                .doesNotContain("evil.example", "onload");
    }

    @Test
    void aSnapshotFromTheAdminUiIsStoredSanitisedWithTheProviderTakenFromTheHost() {
        Map<String, Object> snapshot = new HashMap<>();
        snapshot.put("authorName", "Harbour Workers' Union");
        snapshot.put("authorUrl", "https://social.example/@harbourworkers");
        snapshot.put("html", "<p>Day one at Eastgate.</p><script>alert(1)</script>");
        snapshot.put("postedAt", "2026-11-20T09:00:00Z");

        Response created = editor().document("embed/create", Map.of("url", "https://social.example/@harbourworkers/1", "snapshot", snapshot));
        Response other = editor().document("embed/create", Map.of("url", "https://blog.example/post/1",
                "snapshot", Map.of("text", "A post elsewhere")));

        JsonNode stored = created.data("createEmbeddedPost");
        assertThat(stored.path("provider").asString()).isEqualTo("MASTODON");
        assertThat(stored.path("snapshot").path("html").asString()).isEqualTo("<p>Day one at Eastgate.</p>");
        assertThat(stored.path("snapshot").path("text").asString()).isEqualTo("Day one at Eastgate.");
        assertThat(stored.path("snapshot").path("postedAt").asString()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(stored.path("lastFetch").isNull()).isTrue();
        assertThat(other.data("createEmbeddedPost.provider").asString()).isEqualTo("OTHER");
    }

    @Test
    void aFetchThatTimesOutStoresNothingAndSaysSo() {
        long before = embedCount();
        String url = xPost();
        PROVIDERS.answer(url, Reply.hanging());

        Response refused = editor().document("embed/create", Map.of("url", url, "fetch", true));

        assertThat(refused.firstErrorCode()).isEqualTo("UNAVAILABLE");
        assertThat(refused.errors().path(0).path("message").asString()).contains("did not answer within " + TIMEOUT_MS + " ms");
        assertThat(embedCount()).isEqualTo(before);
    }

    @Test
    void aPostTheProviderDoesNotKnowIsRefusedUnlessASnapshotStandsIn() {
        long before = embedCount();
        String url = xPost();
        PROVIDERS.answer(url, Reply.status(404));

        Response refused = editor().document("embed/create", Map.of("url", url, "fetch", true));
        Response kept = editor().document("embed/create", Map.of("url", url, "fetch", true,
                "snapshot", Map.of("text", "Captured before it was deleted")));

        assertThat(refused.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(refused.errors().path(0).path("extensions").path("field").asString()).isEqualTo("url");
        assertThat(kept.data("createEmbeddedPost.snapshot.sourceStatus").asString()).isEqualTo("DELETED");
        assertThat(kept.data("createEmbeddedPost.snapshot.text").asString()).isEqualTo("Captured before it was deleted");
        assertThat(kept.data("createEmbeddedPost.lastFetch.error").asString()).contains("HTTP 404");
        assertThat(embedCount()).isEqualTo(before + 1);
    }

    @Test
    void aFailedRefreshKeepsThePreviousSnapshotAndRecordsWhy() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Original words</p>")));
        String id = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.id").asString();

        PROVIDERS.answer(url, Reply.status(503));
        JsonNode unavailable = refresh(id, 1).data("refreshEmbeddedPost");
        PROVIDERS.answer(url, Reply.hanging());
        JsonNode timedOut = refresh(id, null).data("refreshEmbeddedPost");
        PROVIDERS.answer(url, Reply.status(410));
        JsonNode deleted = refresh(id, 3).data("refreshEmbeddedPost");

        assertThat(unavailable.path("snapshot").path("text").asString()).isEqualTo("Original words");
        assertThat(unavailable.path("snapshot").path("sourceStatus").asString()).isEqualTo("UNAVAILABLE");
        assertThat(unavailable.path("lastFetch").path("succeeded").asBoolean()).isFalse();
        assertThat(unavailable.path("lastFetch").path("error").asString()).contains("HTTP 503");
        assertThat(timedOut.path("snapshot").path("html").asString()).isEqualTo("<p>Original words</p>");
        assertThat(timedOut.path("lastFetch").path("error").asString()).contains(TIMEOUT_MS + " ms");
        assertThat(deleted.path("snapshot").path("sourceStatus").asString()).isEqualTo("DELETED");
        assertThat(deleted.path("snapshot").path("text").asString()).isEqualTo("Original words");
        assertThat(deleted.path("version").asInt()).isEqualTo(4);
    }

    @Test
    void aSuccessfulRefreshReplacesTheSnapshot() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Before</p>")));
        String id = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.id").asString();
        PROVIDERS.answer(url, Reply.status(500));
        refresh(id, 1);
        PROVIDERS.answer(url, Reply.json(tweet("<p>After an edit</p>")));

        JsonNode refreshed = refresh(id, 2).data("refreshEmbeddedPost");

        assertThat(refreshed.path("snapshot").path("text").asString()).isEqualTo("After an edit");
        assertThat(refreshed.path("snapshot").path("sourceStatus").asString()).isEqualTo("LIVE");
        assertThat(refreshed.path("lastFetch").path("succeeded").asBoolean()).isTrue();
        assertThat(embeds.snapshot(id).orElseThrow().text()).isEqualTo("After an edit");
    }

    @Test
    void aStaleVersionRefusesTheRefreshAndChangesNothing() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Kept</p>")));
        String id = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.id").asString();
        refresh(id, 1);
        PROVIDERS.answer(url, Reply.json(tweet("<p>Not applied</p>")));

        Response stale = refresh(id, 1);

        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        JsonNode read = editor().document("embed/embed", Map.of("id", id)).data("embeddedPost");
        assertThat(read.path("version").asInt()).isEqualTo(2);
        assertThat(read.path("snapshot").path("text").asString()).isEqualTo("Kept");
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
            Response refused = editor().document("embed/create", variables);
            assertThat(refused.firstErrorCode()).as(field + " " + refused.body()).isEqualTo("VALIDATION");
            assertThat(refused.errors().path(0).path("extensions").path("field").asString()).isEqualTo(field.strip());
        });
        assertThat(embedCount()).isEqualTo(before);
    }

    @Test
    void onlyEditorsAndAdminsRegisterRefreshOrReadEmbeds() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Roles</p>")));
        String id = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.id").asString();
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = embedCount();
            GraphQlHttp client = Tokens.client(port, role);
            List<Response> refused = List.of(
                    client.document("embed/create", Map.of("url", xPost(), "snapshot", Map.of("text", "sneaky"))),
                    client.document("embed/refresh", Map.of("id", id)),
                    client.document("embed/embed", Map.of("id", id)));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            refused.forEach(response -> assertThat(response.firstErrorCode()).as(role + " " + response.body()).isEqualTo(expected));
            assertThat(embedCount()).isEqualTo(before);
            assertThat(editor().document("embed/embed", Map.of("id", id)).data("embeddedPost.version").asInt()).isEqualTo(1);
        }
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            GraphQlHttp client = Tokens.client(port, role);
            Response created = client.document("embed/create", Map.of("url", xPost(), "snapshot", Map.of("text", "by " + role)));
            Response refreshed = client.document("embed/refresh", Map.of("id", id));
            assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
            assertThat(refreshed.hasErrors()).as(refreshed.body().toString()).isFalse();
        }
    }

    @Test
    void everyEmbedMutationLeavesAnAuditEntry() {
        String url = xPost();
        PROVIDERS.answer(url, Reply.json(tweet("<p>Audited</p>")));
        String id = editor().document("embed/create", Map.of("url", url, "fetch", true)).data("createEmbeddedPost.id").asString();
        refresh(id, 1);

        Response log = Tokens.client(port, Tokens.Role.ADMIN).query("query($id: ID) { auditLog(entityId: $id) "
                + "{ edges { node { action entityType version } } } }", Map.of("id", id));

        assertThat(log.data("auditLog.edges").findValuesAsString("action")).containsExactly("refreshEmbeddedPost", "createEmbeddedPost");
        assertThat(log.data("auditLog.edges.0.node.version").asInt()).isEqualTo(2);
        assertThat(log.data("auditLog.edges.0.node.entityType").asString()).isEqualTo("embeddedPost");
    }

    private Response refresh(String id, Integer expectedVersion) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("expectedVersion", expectedVersion);
        return editor().document("embed/refresh", variables);
    }

    private long embedCount() {
        return database.getCollection("embedded_posts").countDocuments(new Document());
    }

    private GraphQlHttp editor() {
        return Tokens.client(port, Tokens.Role.EDITOR);
    }

    private static String xPost() {
        return "https://x.com/harbourtraders/status/" + Math.abs(UUID.randomUUID().getMostSignificantBits());
    }

    private static String tweet(String html) {
        return "{\"type\":\"rich\",\"author_name\":\"Harbour Road Traders\",\"author_url\":\"https://twitter.com/harbourtraders\","
                + "\"html\":" + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(html) + "}";
    }
}
