package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ApiTokenTest {

    static final String CREATE = "mutation($name: String!, $role: Role!) { createApiToken(name: $name, role: $role) "
            + "{ secret token { id name role prefix revokedAt } } }";
    static final String REVOKE = "mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }";
    static final String LIST = "{ apiTokens { id name role } }";

    @LocalServerPort
    int port;

    @Test
    void anAdminIssuesATokenWhoseSecretIsShownOnceAndWorks() {
        Response created = admin().query(CREATE, Map.of("name", "night desk", "role", "EDITOR"));

        String secret = created.data("createApiToken.secret").asString();
        assertThat(secret).startsWith("bs_").hasSizeGreaterThan(40);
        assertThat(created.data("createApiToken.token.prefix").asString()).isEqualTo(secret.substring(0, 8));
        Response listed = admin().query(LIST, Map.of());
        assertThat(listed.body().toString()).contains("night desk").doesNotContain(secret);
        Response asEditor = GraphQlHttp.at(port).header("Authorization", "Bearer " + secret).query(LIST, Map.of());
        assertThat(asEditor.firstErrorCode()).as("editors may not list tokens").isEqualTo("FORBIDDEN");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        Response created = admin().query(CREATE, Map.of("name", "temp", "role", "EDITOR"));
        String secret = created.data("createApiToken.secret").asString();
        String id = created.data("createApiToken.token.id").asString();

        Response revoked = admin().query(REVOKE, Map.of("id", id));
        Response afterwards = GraphQlHttp.at(port).header("Authorization", "Bearer " + secret)
                .query("{ articles(first: 1) { edges { cursor } } }", Map.of());

        assertThat(revoked.data("revokeApiToken.revokedAt").isNull()).isFalse();
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyAdminsManageTokensAndNothingIsWrittenOtherwise() {
        Tokens.forRole(port, Tokens.Role.PARTNER);
        Tokens.forRole(port, Tokens.Role.EDITOR);
        int before = admin().query(LIST, Map.of()).data("apiTokens").size();
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER, Tokens.Role.EDITOR)) {
            Response create = Tokens.client(port, role).query(CREATE, Map.of("name", "sneaky", "role", "ADMIN"));
            Response revoke = Tokens.client(port, role).query(REVOKE, Map.of("id", "whatever"));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(create.firstErrorCode()).as("create as " + role).isEqualTo(expected);
            assertThat(revoke.firstErrorCode()).as("revoke as " + role).isEqualTo(expected);
        }
        List<String> names = admin().query(LIST, Map.of()).data("apiTokens").findValuesAsString("name");
        assertThat(names).doesNotContain("sneaky");
        assertThat(names).hasSize(before);
    }

    @Test
    void aBadOrForeignTokenIsA401NotAnAnonymousRead() {
        for (String header : List.of("Bearer bs_not-a-real-token", "Bearer eyJhbGciOi.not.ajwt", "Basic dXNlcjpwYXNz")) {
            Response response = GraphQlHttp.at(port).header("Authorization", header)
                    .query("{ articles(first: 1) { edges { cursor } } }", Map.of());
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void everyTokenMutationLeavesAnAuditEntry() {
        Response created = admin().query(CREATE, Map.of("name", "audited", "role", "EDITOR"));
        String id = created.data("createApiToken.token.id").asString();
        admin().query(REVOKE, Map.of("id", id));

        Response log = admin().query("query($id: ID) { auditLog(entityId: $id) { edges { node { action actorName "
                + "actorRole entityType entityId at } } } }", Map.of("id", id));

        assertThat(log.data("auditLog.edges").findValuesAsString("action")).containsExactly("revokeApiToken", "createApiToken");
        assertThat(log.data("auditLog.edges.0.node.actorRole").asString()).isEqualTo("ADMIN");
        Response asEditor = Tokens.client(port, Tokens.Role.EDITOR).query("{ auditLog { edges { cursor } } }", Map.of());
        assertThat(asEditor.firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    private GraphQlHttp admin() {
        return Tokens.client(port, Tokens.Role.ADMIN);
    }
}
