package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.broadsheet.ApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code broadsheet.actuator.access=MANAGEMENT_PORT} in the production profile: the actuator leaves the API
 * port and is open on the management port, which the network keeps private (no token for Prometheus).
 */
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
    "broadsheet.actuator.access=MANAGEMENT_PORT",
    "management.server.port=0"
})
class ManagementPortTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theApiPortServesNoActuatorEndpointAtAll() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/health"}) {
            HttpResponse<String> response = get(port, path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("jvm_", "UP");
        }
    }

    @Test
    void theManagementPortServesPrometheusWithoutATokenAndHealthWithoutDetails() {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("# TYPE jvm_memory_used_bytes gauge");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void openingTheActuatorWithoutASeparateManagementPortIsRefusedAtStartUp() {
        ActuatorProperties managementPort = new ActuatorProperties(ActuatorProperties.Access.MANAGEMENT_PORT);

        assertThatThrownBy(() -> SecurityConfiguration.adminOnlyActuator(managementPort, new MockEnvironment()))
                .hasMessageContaining("management.server.port");
        assertThatThrownBy(() -> SecurityConfiguration.adminOnlyActuator(managementPort, new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "8080")))
                .hasMessageContaining("management.server.port");
        assertThat(SecurityConfiguration.adminOnlyActuator(managementPort, new MockEnvironment()
                .withProperty("management.server.port", "9090"))).isFalse();
        assertThat(SecurityConfiguration.adminOnlyActuator(new ActuatorProperties(ActuatorProperties.Access.ADMIN_TOKEN),
                new MockEnvironment())).isTrue();
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
