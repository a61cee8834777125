package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed, careless and hostile requests get a typed answer: every error carries an
 * {@code extensions.code} (and a classification that is that same code), and no body names a Java,
 * graphql-java, Spring or MongoDB driver class.
 */
@ApiTest
class HostileRequestsTest {

    private static final List<String> INTERNAL_NAMES = List.of("Exception", "graphql.", "java.", "org.springframework",
            "com.mongodb");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** One request: method, path (with query string), content type, body, and an Authorization header or null. */
    record Hostile(String name, String method, String path, String contentType, String body, String authorization) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> requests() {
        List<Hostile> all = new ArrayList<>();
        // Bodies that are not a GraphQL request
        all.add(post("body is not JSON", "this is not json"));
        all.add(post("empty body", ""));
        all.add(post("JSON array body", "[]"));
        all.add(post("query is a number", "{\"query\": 42}"));
        all.add(post("truncated JSON", "{\"query\": \"{ articles { edges"));
        all.add(post("variables is a string", body("{ __typename }", "\"not an object\"")));
        all.add(post("batched operations", "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]"));
        all.add(post("no query at all", "{\"variables\": {}}"));
        // Documents that do not parse or validate
        all.add(graphql("syntax error", "{ articles { edges { node { id } }"));
        all.add(graphql("unknown field", "{ nope }"));
        all.add(graphql("unknown argument", "{ articles(bogus: 1) { edges { cursor } } }"));
        all.add(graphql("missing selection", "{ articles }"));
        all.add(graphql("fragment cycle", "query { ...A } fragment A on Query { ...A }"));
        all.add(graphql("two operations, no name", "query A { __typename } query B { __typename }"));
        all.add(post("unknown operationName", "{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}"));
        all.add(graphql("subscription over HTTP", "subscription { articleChanged(id: \"x\") { kind } }"));
        all.add(graphql("control characters", "{ article(slug: \"\u0000\u0001\") { id } }"));
        // Variables of the wrong type
        all.add(post("string for an Int variable", body("query($n: Int) { articles(first: $n) { edges { cursor } } }",
                "{\"n\": \"ten\"}")));
        all.add(post("operator object for a String variable", body("query($s: String) { article(slug: $s) { id } }",
                "{\"s\": {\"$ne\": null}}")));
        all.add(post("missing required variable", body("query($s: String!) { author(slug: $s) { id } }", "{}")));
        all.add(post("int out of range", body("query($n: Int) { articles(first: $n) { edges { cursor } } }",
                "{\"n\": 99999999999}")));
        all.add(post("bad DateTime variable", body("query($t: DateTime) { search(query: \"pay\", from: $t) { edges { cursor } } }",
                "{\"t\": \"yesterday\"}")));
        all.add(graphql("bad DateTime literal", "{ search(query: \"pay\", from: \"2026-13-45\") { edges { cursor } } }"));
        // Arguments out of range, bad cursors and ids, injection-like strings
        all.add(graphql("negative page size", "{ articles(first: -5) { edges { cursor } } }"));
        all.add(graphql("page size too large", "{ articles(first: 1000) { edges { cursor } } }"));
        all.add(graphql("garbage cursor", "{ articles(after: \"not-a-cursor\") { edges { cursor } } }"));
        all.add(graphql("base64 JSON cursor", "{ articles(after: \"eyJmb28iOiJiYXIifQ==\") { edges { cursor } } }"));
        all.add(graphql("comment cursor on articles", "{ article(slug: \"x\") { comments(after: \"%%%\") { edges { cursor } } } }"));
        all.add(graphql("operator-looking id", "{ comment(id: \"{\\\"$ne\\\": null}\") { id } }"));
        all.add(graphql("path traversal id", "{ mediaAsset(id: \"../../etc/passwd\") { id } }"));
        all.add(graphql("SQL-like slug", "{ article(slug: \"'; DROP TABLE articles; --\") { id } }"));
        all.add(graphql("script in search", "{ search(query: \"<script>alert(1)</script>\") { edges { node { titleHtml } } } }"));
        all.add(graphql("regex in search", "{ search(query: \".*(a+)+$\") { edges { cursor } } }"));
        all.add(graphql("very long slug", "{ article(slug: \"" + "a".repeat(20_000) + "\") { id } }"));
        // Limits
        all.add(graphql("too deep", "{ comment(id: \"sample-comment-c0\") { " + "replies { edges { node { ".repeat(6) + "id"
                + " } } }".repeat(6) + " } }"));
        all.add(graphql("too costly", "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { "
                + "replies(first: 100) { edges { node { id } } } } } } } } } }"));
        all.add(graphql("too many tokens", "{ " + "__typename ".repeat(6_000) + "}"));
        all.add(graphql("too many aliases", "{ " + "a: __typename ".repeat(1).replace("a:", "") + aliases(40) + " }"));
        // Writes without the right to make them
        all.add(graphql("anonymous mutation", "mutation { createArticle(input: {slug: \"x\", title: \"x\", section: \"news\"}) { id } }"));
        all.add(withToken(graphql("bad bearer token", "{ __typename }"), "Bearer not-a-real-token"));
        all.add(withToken(graphql("basic auth", "{ __typename }"), "Basic YWRtaW46YWRtaW4="));
        // Signed in (Spring for GraphQL's own handler answers these)
        all.add(withToken(post("admin: body is not JSON", "not json"), admin()));
        all.add(withToken(post("admin: variables of the wrong type",
                body("query($n: Int) { articles(first: $n) { edges { cursor } } }", "{\"n\": [1]}")), admin()));
        all.add(withToken(graphql("admin: invalid article input",
                "mutation { createArticle(input: {slug: \"NOT A SLUG\", title: \"\", section: \"\"}) { id } }"), admin()));
        all.add(withToken(graphql("admin: update of an unknown article",
                "mutation { updateArticle(id: \"nope\", expectedVersion: 1, input: {title: \"x\"}) { id } }"), admin()));
        all.add(withToken(graphql("admin: restore of an unknown revision",
                "mutation { restoreArticleRevision(id: \"nope\", revision: -1, expectedVersion: 0) { id } }"), admin()));
        all.add(withToken(graphql("admin: moderate an unknown comment",
                "mutation { moderateComment(id: \"nope\", action: APPROVE) { id } }"), admin()));
        all.add(withToken(new Hostile("admin: text/plain body", "POST", "/graphql", "text/plain", "{ __typename }", null), admin()));
        // Wrong content types, methods and paths
        all.add(new Hostile("text/plain body", "POST", "/graphql", "text/plain", "{ __typename }", null));
        all.add(new Hostile("XML body", "POST", "/graphql", "application/xml", "<query>{ __typename }</query>", null));
        all.add(new Hostile("form body", "POST", "/graphql", "application/x-www-form-urlencoded", "query=%7B__typename%7D", null));
        all.add(new Hostile("bogus charset", "POST", "/graphql", "application/json; charset=bogus", body("{ __typename }", "{}"), null));
        all.add(get("GET with a mutation", "mutation { revokeApiToken(id: \"x\") { id } }", null));
        all.add(get("GET with variables that are not JSON", "{ __typename }", "not json"));
        all.add(new Hostile("GET without a query", "GET", "/graphql", null, null, null));
        all.add(new Hostile("PUT", "PUT", "/graphql", "application/json", body("{ __typename }", "{}"), null));
        all.add(new Hostile("DELETE", "DELETE", "/graphql", null, null, null));
        all.add(new Hostile("unknown path", "GET", "/graphql/../../etc/passwd", null, null, null));
        all.add(new Hostile("unknown API path", "POST", "/api/v1/articles", "application/json", "{}", null));
        all.add(new Hostile("unknown persisted query", "POST", "/graphql", "application/json",
                "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + "ab".repeat(32) + "\"}}}", null));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void answersWithTypedErrorsAndNoInternalNames(Hostile hostile) throws IOException, InterruptedException {
        HttpResponse<String> response = send(hostile);
        String body = response.body();

        assertThat(response.statusCode()).as("status of %s: %s", hostile, body).isLessThan(500);
        for (String name : INTERNAL_NAMES) {
            assertThat(body).as("body of %s", hostile).doesNotContain(name);
        }
        if (body.isBlank()) {
            return;
        }
        JsonNode json = JSON.readTree(body);
        JsonNode errors = json.path("errors");
        assertThat(errors.isArray() && !errors.isEmpty() || response.statusCode() < 300)
                .as("a failed request lists its errors: %s", body).isTrue();
        for (JsonNode error : errors) {
            String code = error.path("extensions").path("code").asString(null);
            assertThat(code).as("extensions.code of %s: %s", hostile, body).isNotBlank();
            JsonNode classification = error.path("extensions").path("classification");
            if (!classification.isMissingNode()) {
                assertThat(classification.asString()).as("classification of %s", hostile).isEqualTo(code);
            }
        }
    }

    private HttpResponse<String> send(Hostile hostile) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.path()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        if (hostile.authorization() != null) {
            request.header("Authorization", hostile.authorization());
        }
        HttpRequest.BodyPublisher publisher = hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(hostile.body());
        return CLIENT.send(request.method(hostile.method(), publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Hostile post(String name, String body) {
        return new Hostile(name, "POST", "/graphql", "application/json", body, null);
    }

    private static Hostile graphql(String name, String document) {
        return post(name, body(document, "{}"));
    }

    private static Hostile get(String name, String document, String variables) {
        String path = "/graphql?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8)
                + (variables == null ? "" : "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8));
        return new Hostile(name, "GET", path, null, null, null);
    }

    private static Hostile withToken(Hostile hostile, String authorization) {
        return new Hostile(hostile.name(), hostile.method(), hostile.path(), hostile.contentType(), hostile.body(),
                authorization);
    }

    private static String admin() {
        return "Bearer " + ApiTest.ADMIN_TOKEN;
    }

    private static String body(String document, String variablesJson) {
        return "{\"query\": " + JSON.writeValueAsString(document) + ", \"variables\": " + variablesJson + "}";
    }

    private static String aliases(int count) {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < count; i++) {
            aliases.append(" a").append(i).append(": __typename");
        }
        return aliases.toString();
    }
}
