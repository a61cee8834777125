package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Hostile or careless queries are refused before they run, with a typed error. */
@ApiTest
class QueryLimitsTest {

    static final String SLUG = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    @Test
    void aFullThreadQueryIsWithinTheLimits() {
        Response response = GraphQlHttp.at(port).document("comment/thread", Map.of("slug", SLUG, "first", 50, "replies", 10));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
    }

    @Test
    void aDocumentOfMoreTokensThanTheParserLimitIsRefusedUnparsed() {
        String huge = "{ " + "__typename ".repeat(6_000) + "}";

        Response response = GraphQlHttp.at(port).query(huge, Map.of());

        assertThat(response.firstErrorCode()).as(response.body().toString()).isEqualTo("VALIDATION");
        assertThat(response.body().path("errors").path(0).path("message").asString()).contains("token");
    }

    @Test
    void aDeeplyNestedQueryIsRefused() {
        String nested = "{ comment(id: \"sample-comment-c0\") { " + "replies { edges { node { ".repeat(6) + "id"
                + " } } }".repeat(6) + " } }";

        Response response = GraphQlHttp.at(port).query(nested, Map.of());

        assertThat(response.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(response.body().path("data").isMissingNode() || response.body().path("data").isNull()).isTrue();
    }

    @Test
    void aQueryAskingForMillionsOfNodesIsRefused() {
        String wide = "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { "
                + "replies(first: 100) { edges { node { id } } } } } } } } } }";

        assertThat(GraphQlHttp.at(port).query(wide, Map.of()).firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            query.append(" a").append(i).append(": article(slug: \"").append(SLUG).append("\") { id }");
        }
        Response response = GraphQlHttp.at(port).query(query.append(" }").toString(), Map.of());

        assertThat(response.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(response.errors().path(0).path("message").asString()).contains("aliases");
    }

    @Test
    void anEnormousDocumentIsRefusedByTheParser() {
        String huge = "{ " + "__typename ".repeat(6000) + "}";

        assertThat(GraphQlHttp.at(port).query(huge, Map.of()).firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void aHugeRequestBodyIsRefusedBeforeItIsRead() {
        String padding = "x".repeat(5 * 1024 * 1024);
        Response response = GraphQlHttp.at(port).post("{\"query\":\"{ __typename }\",\"padding\":\"" + padding + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void aHugeChunkedBodyIsCutOffAsItStreams() throws Exception {
        byte[] body = ("{\"query\":\"{ __typename }\",\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("refused once the stream passes the limit").isIn(400, 413);
        assertThat(response.body()).contains("\"VALIDATION\"");
    }

    @Test
    void aBodyThatIsNotJsonGetsATypedError() {
        Response response = GraphQlHttp.at(port).post("this is not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(response.body().toString()).doesNotContain("Exception");
    }
}
