package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.graphql.QueryLimitsProperties.RoleLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Depth, cost and token limits follow the caller's role: what an anonymous reader may not ask, an editor may. */
@ApiTest
class RoleLimitsTest {

    /** Cost 22,041: 20 articles × (1 + 50 comments × (1 + 20 replies)), and the three pages themselves. */
    static final String COSTLY = "{ articles(first: 20) { edges { node { comments(first: 50) { edges { node { "
            + "replies(first: 20) { edges { node { id } } } } } } } } } }";

    /** 13 levels of fields, cheap: one item per page. */
    static final String DEEP = "{ articles(first: 1) { edges { node { comments(first: 1) { edges { node { "
            + "replies(first: 1) { edges { node { replies(first: 1) { edges { node { id } } } } } } } } } } } } }";

    @LocalServerPort
    int port;

    @Test
    void aCostlyQueryIsRefusedForAnonymousReadersAndAnsweredForAnEditor() {
        Response anonymous = Tokens.client(port, null).query(COSTLY, Map.of());
        Response editor = Tokens.client(port, Tokens.Role.EDITOR).query(COSTLY, Map.of());

        assertThat(anonymous.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(anonymous.errors().path(0).path("message").asString())
                .isEqualTo("Query cost 22041 exceeds the anonymous limit of 20000 (by 2041); signed-in callers have higher limits");
        assertThat(anonymous.errors().path(0).path("extensions").path("limit").asString()).isEqualTo("cost");
        assertThat(anonymous.body().path("data").isMissingNode() || anonymous.body().path("data").isNull()).isTrue();
        assertThat(editor.hasErrors()).as(editor.body().toString()).isFalse();
        assertThat(editor.data("articles.edges").size()).isPositive();
    }

    @Test
    void aDeepQueryIsRefusedForAnonymousReadersAndAnsweredForAnEditor() {
        Response anonymous = Tokens.client(port, null).query(DEEP, Map.of());
        Response editor = Tokens.client(port, Tokens.Role.EDITOR).query(DEEP, Map.of());

        assertThat(anonymous.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(anonymous.errors().path(0).path("message").asString())
                .startsWith("Query depth 13 exceeds the anonymous limit of 12 (by 1)");
        assertThat(editor.hasErrors()).as(editor.body().toString()).isFalse();
    }

    /**
     * Partners read the syndication fields only, which hold no nested pages: 30 aliased pages of 100 changes
     * (the most a partner can ask in one document) cost 21,030, over an anonymous reader's limit, within theirs.
     */
    @Test
    void aPartnerMayAskMoreThanAnAnonymousReader() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            query.append(" p").append(i).append(": syndicationChanges(first: 100) { edges { node { article { ")
                    .append("authors { name } body { __typename } featuredImage { asset { crops { name } } } } } } }");
        }
        String cost21k = query.append(" }").toString();

        Response anonymous = Tokens.client(port, null).query(cost21k, Map.of());
        Response partner = Tokens.client(port, Tokens.Role.PARTNER).query(cost21k, Map.of());

        assertThat(anonymous.errors().path(0).path("message").asString())
                .startsWith("Query cost 21030 exceeds the anonymous limit of 20000 (by 1030)");
        assertThat(partner.hasErrors()).as(partner.body().toString()).isFalse();
    }

    /** GraphiQL's docs explorer asks for the schema with {@code ofType} nine levels deep. */
    @Test
    void schemaIntrospectionAsGraphiqlSendsItIsNotCountedAgainstTheAnonymousLimits() {
        String typeRef = "kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9);
        String introspection = "{ __schema { queryType { name } types { kind name description "
                + "fields(includeDeprecated: true) { name description args { name type { " + typeRef + " } } type { "
                + typeRef + " } isDeprecated deprecationReason } inputFields { name type { " + typeRef + " } } "
                + "enumValues(includeDeprecated: true) { name } possibleTypes { " + typeRef + " } } } }";

        Response anonymous = Tokens.client(port, null).query(introspection, Map.of());

        assertThat(anonymous.hasErrors()).as(anonymous.body().toString()).isFalse();
        assertThat(anonymous.data("__schema.types").size()).isGreaterThan(100);
    }

    @Test
    void unsetLimitsKeepTheirRoleDefaultsAndAdminsFollowEditors() {
        QueryLimitsProperties limits = new QueryLimitsProperties(30, new RoleLimits(10, null, null), null,
                new RoleLimits(null, 300_000, null), null);

        assertThat(limits.anonymous()).isEqualTo(new RoleLimits(10, 20_000, 5_000));
        assertThat(limits.partner()).isEqualTo(new RoleLimits(15, 50_000, 10_000));
        assertThat(limits.editor()).isEqualTo(new RoleLimits(20, 300_000, 20_000));
        assertThat(limits.admin()).isEqualTo(limits.editor());
    }
}
