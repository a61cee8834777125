package dev.broadsheet.security;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Admins issue and revoke API tokens, through Spring's HttpGraphQlTester with the {@code security/} documents.
 * A refused token is a 401 before GraphQL runs: those calls keep {@link GraphQlHttp} to see the status.
 */
@ApiTest
class ApiTokenTest {

    private static final Map<String, Object> FIRST = Map.of("first", 1);

    @LocalServerPort
    int port;

    @Test
    void anAdminIssuesATokenWhoseSecretIsShownOnceAndWorks() {
        GraphQlTester.Response created = create(admin(), "night desk", "EDITOR");

        String secret = created.path("createApiToken.secret").entity(String.class).get();
        assertThat(secret).startsWith("bs_").hasSizeGreaterThan(40);
        created.path("createApiToken.token.prefix").entity(String.class).isEqualTo(secret.substring(0, 8));
        GraphQlTester.Response listed = list(admin());
        listed.path("apiTokens[*].name").entityList(String.class).contains("night desk");
        assertThat(listed.returnResponse().toMap().toString()).doesNotContain(secret);
        GraphQlTester.Response asEditor = list(bearer(secret));
        assertThat(firstError(asEditor)).as("editors may not list tokens").containsEntry("code", "FORBIDDEN");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        GraphQlTester.Response created = create(admin(), "temp", "EDITOR");
        String secret = created.path("createApiToken.secret").entity(String.class).get();
        String id = created.path("createApiToken.token.id").entity(String.class).get();

        GraphQlTester.Response revoked = revoke(admin(), id);
        Response afterwards = GraphQlHttp.at(port).header("Authorization", "Bearer " + secret)
                .document("article/latest", FIRST);

        revoked.path("revokeApiToken.revokedAt").hasValue();
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyAdminsManageTokensAndNothingIsWrittenOtherwise() {
        Tokens.forRole(port, Tokens.Role.PARTNER);
        Tokens.forRole(port, Tokens.Role.EDITOR);
        int before = names().size();
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER, Tokens.Role.EDITOR)) {
            HttpGraphQlTester caller = role == null ? Testers.anonymous(port) : Testers.as(port, role);
            Map<String, Object> create = firstError(create(caller, "sneaky", "ADMIN"));
            Map<String, Object> revoke = firstError(revoke(caller, "whatever"));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(create.get("code")).as("create as " + role).isEqualTo(expected);
            assertThat(revoke.get("code")).as("revoke as " + role).isEqualTo(expected);
        }
        List<String> names = names();
        assertThat(names).doesNotContain("sneaky");
        assertThat(names).hasSize(before);
    }

    @Test
    void aBadOrForeignTokenIsA401NotAnAnonymousRead() {
        for (String header : List.of("Bearer bs_not-a-real-token", "Bearer eyJhbGciOi.not.ajwt", "Basic dXNlcjpwYXNz")) {
            Response response = GraphQlHttp.at(port).header("Authorization", header).document("article/latest", FIRST);
            assertThat(response.status()).as(header).isEqualTo(401);
            assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void everyTokenMutationLeavesAnAuditEntry() {
        String id = create(admin(), "audited", "EDITOR").path("createApiToken.token.id").entity(String.class).get();
        revoke(admin(), id).errors().verify();

        GraphQlTester.Response log = admin().documentName("security/auditLog").variable("id", id).execute();

        log.path("auditLog.edges[*].node.action").entityList(String.class).containsExactly("revokeApiToken", "createApiToken");
        log.path("auditLog.edges[0].node.actorRole").entity(String.class).isEqualTo("ADMIN");
        GraphQlTester.Response asEditor = Testers.as(port, Tokens.Role.EDITOR).documentName("security/auditLog")
                .variable("id", null).execute();
        assertThat(firstError(asEditor)).containsEntry("code", "FORBIDDEN");
    }

    private static GraphQlTester.Response create(HttpGraphQlTester caller, String name, String role) {
        return caller.documentName("security/createToken").variable("name", name).variable("role", role).execute();
    }

    private static GraphQlTester.Response revoke(HttpGraphQlTester caller, String id) {
        return caller.documentName("security/revokeToken").variable("id", id).execute();
    }

    private static GraphQlTester.Response list(HttpGraphQlTester caller) {
        return caller.documentName("security/tokens").execute();
    }

    private List<String> names() {
        return list(admin()).path("apiTokens[*].name").entityList(String.class).get();
    }

    private HttpGraphQlTester admin() {
        return Testers.as(port, Tokens.Role.ADMIN);
    }

    private HttpGraphQlTester bearer(String secret) {
        return Testers.anonymous(port).mutate().header("Authorization", "Bearer " + secret).build();
    }
}
