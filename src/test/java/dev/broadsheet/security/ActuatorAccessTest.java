package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operations endpoints: health is public and says only UP or DOWN; metrics and Prometheus need an ADMIN or a
 * METRICS token (a scraper needs no admin rights); everything else needs an ADMIN token.
 */
@ApiTest
class ActuatorAccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void prometheusRefusesAnonymousCallersWith401() {
        HttpResponse<String> response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body()).doesNotContain("jvm_");
    }

    @Test
    void prometheusServesAnAdminToken() {
        HttpResponse<String> response = get("/actuator/prometheus", Tokens.Role.ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge", "mongodb_driver_commands");
    }

    @Test
    void prometheusRefusesEditorAndPartnerTokensWith403() {
        for (Tokens.Role role : new Tokens.Role[] {Tokens.Role.EDITOR, Tokens.Role.PARTNER}) {
            HttpResponse<String> response = get("/actuator/prometheus", role);

            assertThat(response.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void everyOtherActuatorEndpointNeedsAnAdminTokenToo() {
        for (String path : new String[] {"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/info"}) {
            assertThat(get(path, null).statusCode()).as(path + " anonymous").isEqualTo(401);
            assertThat(get(path, Tokens.Role.EDITOR).statusCode()).as(path + " editor").isEqualTo(403);
            assertThat(get(path, Tokens.Role.ADMIN).statusCode()).as(path + " admin").isEqualTo(200);
        }
    }

    @Test
    void aMetricsTokenReadsMetricsAndPrometheusAndNothingAnAdminGuards() {
        assertThat(get("/actuator/prometheus", Tokens.Role.METRICS).body()).contains("# TYPE jvm_memory_used_bytes gauge");
        assertThat(get("/actuator/metrics/jvm.memory.used", Tokens.Role.METRICS).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/actuator", "/actuator/info"}) {
            HttpResponse<String> refused = get(path, Tokens.Role.METRICS);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        }

        GraphQlHttp scraper = Tokens.client(port, Tokens.Role.METRICS);
        assertThat(scraper.query("{ editorialArticles(first: 1) { edges { node { id } } } }", Map.of())
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(scraper.query("mutation { createApiToken(name: \"mine\", role: ADMIN) { secret } }", Map.of())
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(scraper.query("{ apiTokens { id } }", Map.of()).firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void healthAndTheProbeGroupsArePublicWithoutDetails() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            for (Tokens.Role role : new Tokens.Role[] {null, Tokens.Role.ADMIN}) {
                HttpResponse<String> response = get(path, role);

                assertThat(response.statusCode()).as(path).isEqualTo(200);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.path("status").asString()).as(path).isEqualTo("UP");
                assertThat(body.propertyNames()).as(path + " says only its status (and the group names)")
                        .containsAnyOf("status").isSubsetOf("status", "groups");
            }
        }
    }

    private HttpResponse<String> get(String path, Tokens.Role role) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (role != null) {
            request.header("Authorization", "Bearer " + Tokens.forRole(port, role));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
