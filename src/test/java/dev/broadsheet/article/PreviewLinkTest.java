package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A front end shows a draft with a preview link's token, holding no editor token. */
@ApiTest
class PreviewLinkTest {

    private static final String READ = "{ article(slug: \"%s\", previewToken: \"%s\") { title status } }";

    @LocalServerPort
    int port;

    Editorial editor;
    GraphQlHttp editorClient;
    GraphQlHttp frontEnd;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
        editorClient = Tokens.client(port, EDITOR);
        frontEnd = GraphQlHttp.at(port);
    }

    @Test
    void aFrontEndSeesTheDraftWithTheTokenAndTheUrlCarriesIt() {
        String slug = Editorial.uniqueSlug("preview");
        String id = editor.createDraft(slug).path("id").asString();

        Response link = link(id, null);
        String token = link.data("createPreviewLink.token").asString();
        assertThat(link.data("createPreviewLink.url").asString())
                .startsWith("http://localhost:3000/preview/" + slug + "?token=").contains(token);
        assertThat(link.data("createPreviewLink.expiresAt").asString()).isNotBlank();

        Response draft = read(Map.of("slug", slug, "token", token));
        assertThat(draft.hasErrors()).as(draft.body().toString()).isFalse();
        assertThat(draft.data("article.status").asString()).isEqualTo("DRAFT");
        assertThat(draft.data("article.title").asString()).isEqualTo("Ferry fares rise again");
        assertThat(read(Map.of("id", id, "token", token)).data("article.id").asString()).isEqualTo(id);
        assertThat(frontEnd.document("article/articleLookup", Map.of("slug", slug)).data("article").isNull())
                .as("without the token the draft stays hidden").isTrue();
    }

    @Test
    void aTokenIsForOneArticleOnly() {
        String id = editor.createDraft(Editorial.uniqueSlug("mine")).path("id").asString();
        String otherSlug = Editorial.uniqueSlug("other");
        String otherId = editor.createDraft(otherSlug).path("id").asString();
        String token = link(id, null).data("createPreviewLink.token").asString();

        assertThat(read(Map.of("slug", otherSlug, "token", token)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(Map.of("id", otherId, "token", token)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(Map.of("slug", otherSlug, "token", token)).data("article").isNull()).isTrue();
    }

    @Test
    void aTamperedOrMadeUpTokenIsForbidden() {
        String slug = Editorial.uniqueSlug("tamper");
        String id = editor.createDraft(slug).path("id").asString();
        String token = link(id, null).data("createPreviewLink.token").asString();
        String otherId = editor.createDraft(Editorial.uniqueSlug("target")).path("id").asString();
        // The signed part names the article; swapping in another article's id breaks the signature.
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (otherId + ":0:99999999999").getBytes(StandardCharsets.UTF_8));
        String forged = payload + token.substring(token.indexOf('.'));

        assertThat(read(Map.of("id", otherId, "token", forged)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(Map.of("slug", slug, "token", token + "x")).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(read(Map.of("slug", slug, "token", "not-a-token")).firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aLinkPinnedToARevisionShowsThatRevision() {
        String slug = Editorial.uniqueSlug("pinned");
        String id = editor.createDraft(slug).path("id").asString();
        editor.update(id, 1, Map.of("title", "Ferry fares rise a third time"));
        String pinned = link(id, 1).data("createPreviewLink.token").asString();
        String current = link(id, null).data("createPreviewLink.token").asString();

        assertThat(read(Map.of("slug", slug, "token", pinned)).data("article.title").asString())
                .isEqualTo("Ferry fares rise again");
        assertThat(read(Map.of("slug", slug, "token", current)).data("article.title").asString())
                .isEqualTo("Ferry fares rise a third time");
    }

    @Test
    void onlyEditorsCreateLinksAndLifetimesAreBounded() {
        String id = editor.createDraft(Editorial.uniqueSlug("who")).path("id").asString();
        Map<String, Object> variables = Map.of("articleId", id);

        assertThat(frontEnd.document("article/preview/createLink", variables).firstErrorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(Tokens.client(port, Tokens.Role.PARTNER).document("article/preview/createLink", variables)
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(editorClient.document("article/preview/createLink", Map.of("articleId", id, "minutes", 0))
                .firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(editorClient.document("article/preview/createLink", Map.of("articleId", "no-such-article"))
                .firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void previewResponsesAreNeverCachedOverGetOrPost() throws Exception {
        String slug = Editorial.uniqueSlug("nocache");
        String id = editor.createDraft(slug).path("id").asString();
        String token = link(id, null).data("createPreviewLink.token").asString();
        HttpClient http = HttpClient.newHttpClient();
        String query = READ.formatted(slug, token);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + quote(query) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : java.util.List.of(get, post)) {
            assertThat(response.body()).contains("\"status\":\"DRAFT\"");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
            assertThat(response.headers().firstValue("Surrogate-Key")).isEmpty();
        }
        editor.update(id, 1, Map.of("title", "Changed after the first preview"));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(get.request().uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).as("not served from a response cache").contains("Changed after the first preview");
    }

    private Response link(String id, Integer revision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("articleId", id);
        variables.put("revision", revision);
        Response response = editorClient.document("article/preview/createLink", variables);
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response;
    }

    private Response read(Map<String, String> variables) {
        return frontEnd.document("article/preview/read", variables);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
