package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.store.StartupMarkers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's way back from a lost admin token: start again with a new
 * {@code broadsheet.security.bootstrap-admin-token} on a database that already has tokens, then revoke the
 * lost one with the new token.
 */
@ApiTest
class LostAdminTokenTest {

    static final String NEW_SECRET = "bs_recovered-admin-token-after-a-loss-42";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    StartupMarkers markers;

    @Test
    void aNewBootstrapTokenOnARestartIsAnAdminThatCanRevokeTheLostOne() {
        GraphQlHttp firstAdmin = GraphQlHttp.at(port).header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN);
        String lost = firstAdmin.query("mutation { createApiToken(name: \"the admin token we lost\", role: ADMIN) { "
                + "secret token { id } } }", Map.of()).data("createApiToken.token.id").asString();

        // what a restart with BROADSHEET_SECURITY_BOOTSTRAP_ADMIN_TOKEN=<new secret> runs; twice, as every start does
        BootstrapAdminToken restart = new BootstrapAdminToken(new SecurityProperties(NEW_SECRET, "roles", false), tokens,
                markers);
        restart.run(new DefaultApplicationArguments());
        restart.run(new DefaultApplicationArguments());

        GraphQlHttp recovered = GraphQlHttp.at(port).header("Authorization", "Bearer " + NEW_SECRET);
        Response revoked = recovered.query("mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }",
                Map.of("id", lost));
        Response list = recovered.query("{ apiTokens { name createdBy revokedAt } }", Map.of());

        assertThat(revoked.hasErrors()).as(revoked.body().toString()).isFalse();
        assertThat(revoked.data("revokeApiToken.revokedAt").isNull()).isFalse();
        assertThat(list.data("apiTokens").findValuesAsString("createdBy").stream().filter("configuration"::equals))
                .as("one token from configuration per secret, however often the server starts").hasSize(2);
    }
}
