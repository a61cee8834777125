package dev.broadsheet.graphql;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Depth, cost and token limits follow the caller's role: what an anonymous reader may not ask, an editor may.
 * Over HTTP with each role's token, through Spring's HttpGraphQlTester; the counting is {@link OperationLimitsTest}'s.
 */
@ApiTest
class RoleLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aCostlyQueryIsRefusedForAnonymousReadersAndAnsweredForAnEditor() {
        GraphQlTester.Response anonymous = run(Testers.anonymous(port), LimitQueries.COSTLY);
        GraphQlTester.Response editor = run(Testers.as(port, Tokens.Role.EDITOR), LimitQueries.COSTLY);

        assertThat(firstError(anonymous)).containsEntry("code", "VALIDATION").containsEntry("limit", "cost")
                .containsEntry("message", "Query cost 22041 exceeds the anonymous limit of 20000 (by 2041); "
                        + "signed-in callers have higher limits");
        assertThat((Object) anonymous.returnResponse().getData()).isNull();
        editor.errors().verify().path("articles.edges").entityList(Object.class).hasSizeGreaterThan(0);
    }

    @Test
    void aDeepQueryIsRefusedForAnonymousReadersAndAnsweredForAnEditor() {
        GraphQlTester.Response anonymous = run(Testers.anonymous(port), LimitQueries.DEEP);
        GraphQlTester.Response editor = run(Testers.as(port, Tokens.Role.EDITOR), LimitQueries.DEEP);

        Map<String, Object> refused = firstError(anonymous);
        assertThat(refused).containsEntry("code", "VALIDATION");
        assertThat((String) refused.get("message")).startsWith("Query depth 13 exceeds the anonymous limit of 12 (by 1)");
        editor.errors().verify();
    }

    /** 30 aliased pages of syndication changes cost 21,030: over an anonymous reader's limit, within a partner's. */
    @Test
    void aPartnerMayAskMoreThanAnAnonymousReader() {
        GraphQlTester.Response anonymous = run(Testers.anonymous(port), LimitQueries.partnerPages());
        GraphQlTester.Response partner = run(Testers.as(port, Tokens.Role.PARTNER), LimitQueries.partnerPages());

        assertThat((String) firstError(anonymous).get("message"))
                .startsWith("Query cost 21030 exceeds the anonymous limit of 20000 (by 1030)");
        partner.errors().verify();
    }

    @Test
    void schemaIntrospectionAsGraphiqlSendsItIsNotCountedAgainstTheAnonymousLimits() {
        run(Testers.anonymous(port), LimitQueries.graphiqlIntrospection()).errors().verify()
                .path("__schema.types").entityList(Object.class).hasSizeGreaterThan(100);
    }

    private static GraphQlTester.Response run(HttpGraphQlTester caller, String query) {
        return caller.document(query).execute();
    }
}
