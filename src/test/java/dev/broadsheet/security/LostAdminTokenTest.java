package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.store.StartupMarkers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The README's way back from a lost admin token: start again with a new
 * {@code broadsheet.security.bootstrap-admin-token} on a database that already has tokens, then revoke the
 * lost one with the new token. Through Spring's HttpGraphQlTester with the {@code security/} documents.
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
        HttpGraphQlTester firstAdmin = bearer(ApiTest.ADMIN_TOKEN);
        String lost = firstAdmin.documentName("security/createToken")
                .variables(Map.of("name", "the admin token we lost", "role", "ADMIN")).execute()
                .path("createApiToken.token.id").entity(String.class).get();

        // what a restart with BROADSHEET_SECURITY_BOOTSTRAP_ADMIN_TOKEN=<new secret> runs; twice, as every start does
        BootstrapAdminToken restart = new BootstrapAdminToken(new SecurityProperties(NEW_SECRET, "roles", false), tokens,
                markers);
        restart.run(new DefaultApplicationArguments());
        restart.run(new DefaultApplicationArguments());

        HttpGraphQlTester recovered = bearer(NEW_SECRET);
        GraphQlTester.Response revoked = recovered.documentName("security/revokeToken").variable("id", lost).execute();
        GraphQlTester.Response list = recovered.documentName("security/tokens").execute();

        revoked.errors().verify().path("revokeApiToken.revokedAt").hasValue();
        assertThat(list.path("apiTokens[*].createdBy").entityList(String.class).get().stream().filter("configuration"::equals))
                .as("one token from configuration per secret, however often the server starts").hasSize(2);
    }

    private HttpGraphQlTester bearer(String secret) {
        return Testers.anonymous(port).mutate().header("Authorization", "Bearer " + secret).build();
    }
}
