package dev.broadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP GraphQL client for tests: what a front end does, a POST of JSON to /graphql (or a GET, as a
 * CDN caches it). Documents
 * live beside the tests under {@code src/test/resources/graphql-test/}.
 */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private GraphQlHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static GraphQlHttp at(int port) {
        return new GraphQlHttp(URI.create("http://localhost:" + port + "/graphql"));
    }

    public GraphQlHttp header(String name, String value) {
        GraphQlHttp copy = new GraphQlHttp(endpoint);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    /** Runs the document stored as {@code graphql-test/<name>.graphql}. */
    public Response document(String name, Map<String, ?> variables) {
        return query(load(name), variables);
    }

    /** The document {@code graphql-test/<name>.graphql} as a GET, query and variables in the URL, as a CDN caches it. */
    public HttpResponse<String> getDocument(String name, Map<String, ?> variables) {
        return get(load(name), variables);
    }

    /** {@code document} as a GET request. */
    public HttpResponse<String> get(String document, Map<String, ?> variables) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8)
                + "&variables=" + URLEncoder.encode(JSON.writeValueAsString(variables), StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Response query(String document, Map<String, ?> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        return post(JSON.writeValueAsString(payload));
    }

    public Response post(String rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String load(String name) {
        String path = "/graphql-test/" + name + ".graphql";
        try (InputStream in = GraphQlHttp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, JsonNode body) {

        /** The node at a dotted path under {@code data}, e.g. {@code article.comments.edges}. */
        public JsonNode data(String path) {
            JsonNode node = body.path("data");
            for (String part : path.split("\\.")) {
                node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
            }
            return node;
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        public boolean hasErrors() {
            return errors().isArray() && !errors().isEmpty();
        }

        public String firstErrorCode() {
            return errors().path(0).path("extensions").path("code").asString(null);
        }
    }
}
