package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HTTP details of the read path: HEAD, ETags only on clean answers, the 401 body, cached hits' headers. */
@ApiTest
class ReadPathHttpTest {

    private static final String QUERY = "{ article(slug: \"dock-workers-walk-out-over-pay-freeze\") { id title } }";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri(QUERY)).GET());
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri(QUERY)).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Cache-Control")).isEqualTo(get.headers().firstValue("Cache-Control"));
    }

    @Test
    void aResponseWithErrorsCarriesNoEtag() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("{ article(slug: \"x\") { noSuchField } }")).GET());

        assertThat(response.body()).contains("errors");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void aHitServedByTheFrontFilterHasTheHeadersOfTheMissThatStoredIt() throws Exception {
        String query = "{ article(slug: \"dock-workers-walk-out-over-pay-freeze\") { id standfirst } }";
        HttpResponse<String> miss = send(HttpRequest.newBuilder(uri(query)).GET());
        HttpResponse<String> hit = send(HttpRequest.newBuilder(uri(query)).GET());

        assertThat(hit.body()).isEqualTo(miss.body());
        for (String header : new String[] {"ETag", "Cache-Control", "Surrogate-Key", "Content-Type",
                "X-Content-Type-Options", "X-Frame-Options"}) {
            assertThat(hit.headers().firstValue(header)).as(header).isEqualTo(miss.headers().firstValue(header));
        }
        HttpResponse<String> notModified = send(HttpRequest.newBuilder(uri(query))
                .header("If-None-Match", hit.headers().firstValue("ETag").orElseThrow()).GET());
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void theUnauthorizedBodyIsUtf8Json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(QUERY)).header("Authorization", "Bearer bs_nope").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("").toLowerCase())
                .isEqualTo("application/json;charset=utf-8");
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
