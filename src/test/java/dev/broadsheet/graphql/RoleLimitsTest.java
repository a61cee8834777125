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

    /** Partners read the syndication fields only; their limit sits between an anonymous reader's and an editor's. */
    @Test
    void aPartnerSitsBetweenAnonymousReadersAndEditors() {
        String cost36k = partnerQuery(20);
        String cost54k = partnerQuery(30);

        Response anonymous = Tokens.client(port, null).query(cost36k, Map.of());
        Response partnerWithin = Tokens.client(port, Tokens.Role.PARTNER).query(cost36k, Map.of());
        Response partnerOver = Tokens.client(port, Tokens.Role.PARTNER).query(cost54k, Map.of());

        assertThat(anonymous.errors().path(0).path("message").asString())
                .startsWith("Query cost 36020 exceeds the anonymous limit of 20000");
        assertThat(partnerWithin.hasErrors()).as(partnerWithin.body().toString()).isFalse();
        assertThat(partnerOver.errors().path(0).path("message").asString())
                .isEqualTo("Query cost 54030 exceeds the partner limit of 50000 (by 4030)");
    }

    /** {@code pages} aliased pages of 100 changes, each article's images with their credits: 1,801 a page. */
    private static String partnerQuery(int pages) {
        String asset = "asset { licence { id } creator { name } source { name } crops { name } file { id } focalPoint { x } }";
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < pages; i++) {
            query.append(" p").append(i).append(": syndicationChanges(first: 100) { edges { node { article { ")
                    .append("featuredImage { decision reason obligations caption ").append(asset).append(" crop { x } } ")
                    .append("body { ... on SyndicatedImageBlock { image { asset { licence { id } creator { name } } } } } } } } }");
        }
        return query.append(" }").toString();
    }

    @Test
    void aLongDocumentIsRefusedByTheAnonymousParserAndParsedForAnEditor() {
        String long6000 = "{ " + "__typename ".repeat(6_000) + "}";

        Response anonymous = Tokens.client(port, null).query(long6000, Map.of());
        Response editor = Tokens.client(port, Tokens.Role.EDITOR).query(long6000, Map.of());

        assertThat(anonymous.errors().path(0).path("message").asString())
                .isEqualTo("The query has more than 5000 tokens, the anonymous limit of the parser");
        assertThat(editor.hasErrors()).as(editor.body().toString()).isFalse();
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
