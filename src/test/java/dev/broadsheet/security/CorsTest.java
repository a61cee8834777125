package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser on another origin sees (the embedded default allows http://localhost:*). */
@ApiTest
class CorsTest {

    private static final String ADMIN_UI = "http://localhost:5173";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromAnAllowedOriginWithAuthorizationIsAnsweredWithoutAToken() throws Exception {
        HttpResponse<String> response = preflight(ADMIN_UI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ADMIN_UI);
        assertThat(header(response, "Access-Control-Allow-Methods")).contains("POST").contains("GET");
        assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("3600");
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> response = preflight("https://elsewhere.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aCrossOriginPostWithATokenWorksAndExposesTheEtagHeader() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(graphql())
                .header("Origin", ADMIN_UI)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.forRole(port, Tokens.Role.EDITOR))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ editorialArticles(first: 1) { edges { node { id } } } }\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"editorialArticles\"").doesNotContain("errors");
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ADMIN_UI);
        assertThat(header(response, "Access-Control-Expose-Headers")).contains("ETag");
    }

    @Test
    void aCrossOriginPostFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(graphql())
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ articles(first: 1) { edges { cursor } } }\"}")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(graphql())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI graphql() {
        return URI.create("http://localhost:" + port + "/graphql");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
