package dev.broadsheet.graphql;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Testers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Hostile or careless queries are refused before they run, with a typed error. How depth, cost, aliases and
 * tokens are counted is {@link OperationLimitsTest}'s; here a client sees the refusals, through Spring's
 * HttpGraphQlTester. The request-body checks keep {@link GraphQlHttp}: they assert status codes.
 */
@ApiTest
class QueryLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aFullThreadQueryIsWithinTheLimits() {
        Testers.anonymous(port).documentName("comment/thread")
                .variables(Map.of("slug", LimitQueries.SLUG, "first", 50, "replies", 10))
                .execute().errors().verify().path("article.comments.edges").entityList(Object.class).hasSizeGreaterThan(0);
    }

    @Test
    void everyLimitIsATypedValidationErrorAndNothingRuns() {
        Map<String, String> refusals = Map.of(
                "more than 5000 tokens", LimitQueries.TOKENS_6000,
                "Query depth 20 exceeds the anonymous limit of 12", LimitQueries.NESTED,
                "Query cost 1020201 exceeds the anonymous limit of 20000", LimitQueries.WIDE,
                "more than 30 aliases", LimitQueries.aliases(31));

        refusals.forEach((message, query) -> {
            GraphQlTester.Response response = Testers.anonymous(port).document(query).execute();

            Map<String, Object> error = firstError(response);
            assertThat(error).as(message).containsEntry("code", "VALIDATION");
            assertThat((String) error.get("message")).contains(message);
            assertThat((Object) response.returnResponse().getData()).as(message).isNull();
        });
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
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

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
