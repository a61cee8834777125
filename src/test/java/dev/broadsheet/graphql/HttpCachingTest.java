package dev.broadsheet.graphql;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a CDN or browser sees of GET /graphql: caching headers, 304s, persisted queries, no GET mutations. The GETs
 * are plain HTTP (their status codes and headers are the point); the POSTs that set things up, or register a
 * persisted query as a client does, go through Spring's HttpGraphQlTester. The one claim about the server's
 * response cache reads its hit counter, so it fails with {@code broadsheet.cache.responses.enabled=false}.
 */
@ApiTest
class HttpCachingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SLUG = "dock-workers-walk-out-over-pay-freeze";
    private static final String ARTICLE = "query Article($slug: String!) { article(slug: $slug) { id title "
            + "featuredImage { attribution asset { id licence { id } } } "
            + "body { __typename ... on DonationBlock { id } } comments(first: 5) { edges { node { id } } } } }";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    /** Hits of the whole-response cache (absent, and so failing the test, when that cache is off). */
    private double responseCacheHits() {
        FunctionCounter hits = meters.find("cache.gets").tag("cache", "graphql.responses").tag("result", "hit")
                .functionCounter();
        assertThat(hits).as("the response cache is on").isNotNull();
        return hits.count();
    }

    @Test
    void anAnonymousGetIsPubliclyCacheableAndNamesItsEntities() throws Exception {
        HttpResponse<String> response = get(Map.of("query", ARTICLE, "variables", "{\"slug\":\"" + SLUG + "\"}"), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode article = JSON.readTree(response.body()).path("data").path("article");
        assertThat(article.path("title").asString()).isNotBlank();
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60, stale-while-revalidate=300");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        String keys = response.headers().firstValue("Surrogate-Key").orElse("");
        assertThat(keys.split(" ")).contains("article:" + article.path("id").asString(),
                "asset:" + article.path("featuredImage").path("asset").path("id").asString(),
                "comment-thread:" + article.path("id").asString(), "donation:sample-donation-short");
    }

    @Test
    void aCachedGetResponseChangesTheMomentAnEditorPublishes() throws Exception {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        String slug = "cached-then-published-" + System.nanoTime();
        String id = editor.documentName("article/editing/create")
                .variable("input", Map.of("slug", slug, "title", "Soon live", "section", "news")).execute()
                .path("createArticle.id").entity(String.class).get();
        Map<String, String> params = Map.of("query", "query($slug: String!) { article(slug: $slug) { title } }",
                "variables", "{\"slug\":\"" + slug + "\"}");
        HttpResponse<String> before = get(params, null, null);
        double hits = responseCacheHits();
        assertThat(get(params, null, null).body()).isEqualTo(before.body());
        assertThat(responseCacheHits()).as("served again from the response cache").isEqualTo(hits + 1);

        editor.documentName("article/editing/publish").variable("id", id).variable("version", 1).execute()
                .path("publishArticle.status").entity(String.class).isEqualTo("PUBLISHED");
        HttpResponse<String> after = get(params, null, before.headers().firstValue("ETag").orElseThrow());

        assertThat(JSON.readTree(before.body()).path("data").path("article").isNull()).isTrue();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).path("data").path("article").path("title").asString()).isEqualTo("Soon live");
    }

    @Test
    void aMatchingEtagIsAnsweredNotModified() throws Exception {
        Map<String, String> params = Map.of("query", ARTICLE, "variables", "{\"slug\":\"" + SLUG + "\"}");
        String etag = get(params, null, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(params, null, etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void authenticatedResponsesAreNeverCached() throws Exception {
        HttpResponse<String> response = get(Map.of("query", ARTICLE, "variables", "{\"slug\":\"" + SLUG + "\"}"),
                "Bearer " + ApiTest.ADMIN_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("Surrogate-Key")).isEmpty();
    }

    @Test
    void aMutationOverGetIsRefused() throws Exception {
        HttpResponse<String> response = get(Map.of("query",
                "mutation { revokeApiToken(id: \"x\") { id } }"), "Bearer " + ApiTest.ADMIN_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void aPersistedQueryRoundTrip() throws Exception {
        String query = "query Title($slug: String!) { article(slug: $slug) { title } }";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.getBytes(StandardCharsets.UTF_8)));
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        Map<String, String> byHash = Map.of("extensions", extensions, "variables", "{\"slug\":\"" + SLUG + "\"}");

        HttpResponse<String> unknown = get(byHash, null, null);
        assertThat(JSON.readTree(unknown.body()).path("errors").path(0).path("extensions").path("code").asString())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        String title = Testers.anonymous(port).document(query).variable("slug", SLUG)
                .extension("persistedQuery", Map.of("version", 1, "sha256Hash", hash)).execute()
                .path("article.title").entity(String.class).get();

        HttpResponse<String> known = get(byHash, null, null);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(known.body()).path("data").path("article").path("title").asString())
                .isEqualTo(title);
        assertThat(known.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public"));

        GraphQlTester.Response mismatch = Testers.anonymous(port).document("{ articles(first: 1) { edges { cursor } } }")
                .extension("persistedQuery", Map.of("version", 1, "sha256Hash", hash)).execute();
        assertThat(firstError(mismatch)).containsKey("code");
        assertThat((Object) mismatch.returnResponse().getData()).isNull();
    }

    private HttpResponse<String> get(Map<String, String> params, String authorization, String ifNoneMatch) throws Exception {
        StringBuilder uri = new StringBuilder("http://localhost:" + port + "/graphql?");
        params.forEach((name, value) -> uri.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
