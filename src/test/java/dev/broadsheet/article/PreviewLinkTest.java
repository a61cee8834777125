package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static dev.broadsheet.article.Editorial.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A front end shows a draft with a preview link's token, holding no editor token. Through HttpGraphQlTester,
 * except {@link #previewResponsesAreNeverCachedOverGetOrPost}, which checks HTTP caching headers of a plain GET and POST.
 */
@ApiTest
class PreviewLinkTest {

    private static final String READ = "{ article(slug: \"%s\", previewToken: \"%s\") { title status } }";

    @LocalServerPort
    int port;

    Editorial editor;
    HttpGraphQlTester editorClient;
    HttpGraphQlTester frontEnd;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
        editorClient = Editorial.tester(port, EDITOR);
        frontEnd = Editorial.tester(port, null);
    }

    @Test
    void aFrontEndSeesTheDraftWithTheTokenAndTheUrlCarriesIt() {
        String slug = Editorial.uniqueSlug("preview");
        String id = editor.draftId(slug);

        GraphQlTester.Response link = link(id, null);
        String token = link.path("createPreviewLink.token").entity(String.class).get();
        assertThat(link.path("createPreviewLink.url").entity(String.class).get())
                .startsWith("http://localhost:3000/preview/" + slug + "?token=").contains(token);
        assertThat(link.path("createPreviewLink.expiresAt").entity(String.class).get()).isNotBlank();

        GraphQlTester.Response draft = read(Map.of("slug", slug, "token", token));
        draft.errors().verify();
        draft.path("article.status").entity(String.class).isEqualTo("DRAFT");
        draft.path("article.title").entity(String.class).isEqualTo("Ferry fares rise again");
        read(Map.of("id", id, "token", token)).path("article.id").entity(String.class).isEqualTo(id);
        // Without the token the draft stays hidden.
        frontEnd.documentName("article/articleLookup").variable("slug", slug).execute().path("article").valueIsNull();
    }

    @Test
    void aTokenIsForOneArticleOnly() {
        String id = editor.draftId(Editorial.uniqueSlug("mine"));
        String otherSlug = Editorial.uniqueSlug("other");
        String otherId = editor.draftId(otherSlug);
        String token = token(id, null);

        assertThat(code(read(Map.of("slug", otherSlug, "token", token)))).isEqualTo("FORBIDDEN");
        assertThat(code(read(Map.of("id", otherId, "token", token)))).isEqualTo("FORBIDDEN");
        GraphQlTester.Response refused = read(Map.of("slug", otherSlug, "token", token));
        refused.errors().expect(error -> true).verify().path("article").valueIsNull();
    }

    @Test
    void aTamperedOrMadeUpTokenIsForbidden() {
        String slug = Editorial.uniqueSlug("tamper");
        String id = editor.draftId(slug);
        String token = token(id, null);
        String otherId = editor.draftId(Editorial.uniqueSlug("target"));
        // The signed part names the article; swapping in another article's id breaks the signature.
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (otherId + ":0:99999999999").getBytes(StandardCharsets.UTF_8));
        String forged = payload + token.substring(token.indexOf('.'));

        assertThat(code(read(Map.of("id", otherId, "token", forged)))).isEqualTo("FORBIDDEN");
        assertThat(code(read(Map.of("slug", slug, "token", token + "x")))).isEqualTo("FORBIDDEN");
        assertThat(code(read(Map.of("slug", slug, "token", "not-a-token")))).isEqualTo("FORBIDDEN");
    }

    @Test
    void aLinkPinnedToARevisionShowsThatRevision() {
        String slug = Editorial.uniqueSlug("pinned");
        String id = editor.draftId(slug);
        editor.update(id, 1, Map.of("title", "Ferry fares rise a third time")).errors().verify();
        String pinned = token(id, 1);
        String current = token(id, null);

        read(Map.of("slug", slug, "token", pinned)).path("article.title").entity(String.class)
                .isEqualTo("Ferry fares rise again");
        read(Map.of("slug", slug, "token", current)).path("article.title").entity(String.class)
                .isEqualTo("Ferry fares rise a third time");
    }

    @Test
    void onlyEditorsCreateLinksAndLifetimesAreBounded() {
        String id = editor.draftId(Editorial.uniqueSlug("who"));

        assertThat(code(createLink(frontEnd, Map.of("articleId", id)))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(createLink(Editorial.tester(port, Tokens.Role.PARTNER), Map.of("articleId", id)))).isEqualTo("FORBIDDEN");
        assertThat(code(createLink(editorClient, Map.of("articleId", id, "minutes", 0)))).isEqualTo("VALIDATION");
        assertThat(code(createLink(editorClient, Map.of("articleId", "no-such-article")))).isEqualTo("NOT_FOUND");
    }

    @Test
    void previewResponsesAreNeverCachedOverGetOrPost() throws Exception {
        String slug = Editorial.uniqueSlug("nocache");
        String id = editor.draftId(slug);
        String token = token(id, null);
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
        editor.update(id, 1, Map.of("title", "Changed after the first preview")).errors().verify();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(get.request().uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).as("not served from a response cache").contains("Changed after the first preview");
    }

    private GraphQlTester.Response link(String id, Integer revision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("articleId", id);
        variables.put("revision", revision);
        GraphQlTester.Response response = createLink(editorClient, variables);
        response.errors().verify();
        return response;
    }

    private String token(String id, Integer revision) {
        return link(id, revision).path("createPreviewLink.token").entity(String.class).get();
    }

    private static GraphQlTester.Response createLink(HttpGraphQlTester caller, Map<String, Object> variables) {
        return caller.documentName("article/preview/createLink").variables(variables).execute();
    }

    private GraphQlTester.Response read(Map<String, Object> variables) {
        return frontEnd.documentName("article/preview/read").variables(variables).execute();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
