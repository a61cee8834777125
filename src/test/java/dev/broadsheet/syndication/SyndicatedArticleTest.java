package dev.broadsheet.syndication;

import static dev.broadsheet.syndication.Syndication.image;
import static dev.broadsheet.syndication.Syndication.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class SyndicatedArticleTest {

    @LocalServerPort
    int port;

    Syndication syndication;

    @BeforeEach
    void setUp() {
        syndication = new Syndication(port);
    }

    @Test
    void aPartnerReceivesEachImageAsItsLicenceAllowsAndNeverAnOmittedUrl() {
        String partner = syndication.partner(true, List.of(), 0);
        Map<String, String> agency = syndication.asset("AGENCY", List.of());
        Map<String, String> cleared = syndication.asset("AGENCY", List.of(partner));
        Map<String, String> nonCommercial = syndication.asset("CC-BY-NC-4.0", List.of());
        Map<String, String> noDerivatives = syndication.asset("CC-BY-ND-4.0", List.of());
        Map<String, String> shareAlike = syndication.asset("CC-BY-SA-4.0", List.of());
        JsonNode draft = syndication.draft("news", image(agency.get("id"), false), List.of(
                image(cleared.get("id"), false), image(nonCommercial.get("id"), false),
                image(noDerivatives.get("id"), true), image(shareAlike.get("id"), true)));
        syndication.transition("publishArticle", draft.path("id").asString(), draft.path("version").asLong());

        Response response = ok(syndication.client(partner).document("syndication/article",
                Map.of("id", draft.path("id").asString())));

        JsonNode article = response.data("syndicatedArticle");
        assertThat(article.path("featuredImage").path("decision").asString()).isEqualTo("OMIT");
        assertThat(article.path("featuredImage").path("asset").isNull()).isTrue();
        assertThat(article.path("featuredImage").path("reason").asString()).contains("not cleared");
        List<String> decisions = new ArrayList<>();
        article.path("body").forEach(block -> {
            if (block.path("__typename").asString().equals("SyndicatedImageBlock")) {
                decisions.add(block.path("image").path("decision").asString());
            }
        });
        assertThat(decisions).containsExactly("DELIVER", "OMIT", "OMIT", "DELIVER");
        JsonNode sa = article.path("body").path(4).path("image");
        assertThat(sa.path("asset").path("url").asString()).isEqualTo(shareAlike.get("url"));
        assertThat(sa.path("attribution").asString()).contains("cropped to 600 × 400 px").contains("CC BY-SA 4.0");
        assertThat(sa.path("obligations").toString()).contains("share-alike");
        String body = response.body().toString();
        for (Map<String, String> omitted : List.of(agency, nonCommercial, noDerivatives)) {
            assertThat(body).doesNotContain(omitted.get("url"));
        }
    }

    @Test
    void aNonCommercialPartnerReceivesNonCommercialImages() {
        String partner = syndication.partner(false, List.of(), 0);
        Map<String, String> nonCommercial = syndication.asset("CC-BY-NC-4.0", List.of());
        JsonNode draft = syndication.draft("news", image(nonCommercial.get("id"), false), List.of());
        syndication.transition("publishArticle", draft.path("id").asString(), draft.path("version").asLong());

        JsonNode featured = ok(syndication.client(partner).document("syndication/article",
                Map.of("id", draft.path("id").asString()))).data("syndicatedArticle.featuredImage");

        assertThat(featured.path("decision").asString()).isEqualTo("DELIVER");
        assertThat(featured.path("asset").path("url").asString()).isEqualTo(nonCommercial.get("url"));
        assertThat(featured.path("obligations").toString()).contains("Non-commercial use only");
    }

    @Test
    void donationAppealsAreNeverSyndicated() {
        String partner = syndication.partner(true, List.of(), 0);
        JsonNode draft = syndication.draft("news", null, List.of());
        syndication.transition("publishArticle", draft.path("id").asString(), draft.path("version").asLong());
        String id = draft.path("id").asString();

        String readerBody = ok(GraphQlHttp.at(port).query("query($id: ID) { article(id: $id) { body { __typename } } }",
                Map.of("id", id))).data("article.body").toString();
        String partnerBody = ok(syndication.client(partner).document("syndication/article", Map.of("id", id)))
                .data("syndicatedArticle.body").toString();

        assertThat(readerBody).contains("DonationBlock");
        assertThat(partnerBody).doesNotContain("Donation").contains("ParagraphBlock");
    }

    @Test
    void aPartnerSeesNothingBeforeItsEmbargoNorOutsideItsSections() {
        String embargoed = syndication.partner(true, List.of(), 60);
        String culture = syndication.partner(true, List.of("culture"), 0);
        String everything = syndication.partner(true, List.of(), 0);
        JsonNode draft = syndication.draft("news", null, List.of());
        syndication.transition("publishArticle", draft.path("id").asString(), draft.path("version").asLong());
        Map<String, Object> byId = Map.of("id", draft.path("id").asString());

        assertThat(ok(syndication.client(embargoed).document("syndication/article", byId))
                .data("syndicatedArticle").isNull()).isTrue();
        assertThat(ok(syndication.client(culture).document("syndication/article", byId))
                .data("syndicatedArticle").isNull()).isTrue();
        assertThat(ok(syndication.client(everything).document("syndication/article", byId))
                .data("syndicatedArticle.id").asString()).isEqualTo(draft.path("id").asString());
    }

    @Test
    void onlyPartnerTokensAndAdminsNamingAPartnerReachThePartnerSurface() {
        String partner = syndication.partner(true, List.of(), 0);
        String other = syndication.partner(true, List.of(), 0);
        GraphQlHttp partnerClient = syndication.client(partner);
        for (GraphQlHttp outsider : List.of(GraphQlHttp.at(port), syndication.editor)) {
            assertThat(outsider.document("syndication/article", Map.of("slug", "x")).firstErrorCode()).isEqualTo("FORBIDDEN");
            assertThat(outsider.document("syndication/changes", Map.of()).firstErrorCode()).isEqualTo("FORBIDDEN");
        }
        Map<String, Object> otherPartner = new HashMap<>(Map.of("slug", "x", "partnerId", other));
        assertThat(partnerClient.document("syndication/article", otherPartner).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("{ partners { id } }", Map.of()).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("{ editorialArticles { edges { node { id } } } }", Map.of()).firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("{ articles { edges { node { id } } } }", Map.of()).firstErrorCode())
                .as("reader queries would show every image").isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("{ ... on Query { mediaAsset(id: \"sample-asset-choir\") { url } } }", Map.of())
                .firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("query($p: ID) { syndicationLog(partnerId: $p) { edges { cursor } } }",
                Map.of("p", other)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(partnerClient.query("mutation { createPartner(input: {name: \"x\", commercial: false}) { id } }",
                Map.of()).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(ok(syndication.admin.document("syndication/article", otherPartner)).data("syndicatedArticle").isNull())
                .isTrue();
    }

    @Test
    void aPartnerTokenMustNameAnExistingPartnerAndOnlyPartnerTokensNameOne() {
        String create = "mutation($role: Role!, $p: ID) { createApiToken(name: \"t\", role: $role, partnerId: $p) { token { partnerId } } }";
        GraphQlHttp admin = syndication.admin;
        Map<String, Object> noPartner = new HashMap<>();
        noPartner.put("role", "PARTNER");
        assertThat(admin.query(create, noPartner).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(admin.query(create, Map.of("role", "PARTNER", "p", "no-such-partner")).firstErrorCode())
                .isEqualTo("VALIDATION");
        String partner = syndication.partner(false, List.of(), 0);
        assertThat(admin.query(create, Map.of("role", "EDITOR", "p", partner)).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(ok(admin.query(create, Map.of("role", "PARTNER", "p", partner))).data("createApiToken.token.partnerId")
                .asString()).isEqualTo(partner);
    }

    @Test
    void partnersAreCreatedAndUpdatedByAdminsWithOptimisticConcurrency() {
        String id = syndication.partner(true, List.of("news"), 5);
        String update = "mutation($id: ID!, $v: Int!) { updatePartner(id: $id, expectedVersion: $v, "
                + "input: {name: \"Renamed\", commercial: false, sections: [\"culture\"], embargoMinutes: 0}) { name commercial sections version } }";
        JsonNode updated = ok(syndication.admin.query(update, Map.of("id", id, "v", 1))).data("updatePartner");
        assertThat(updated.path("name").asString()).isEqualTo("Renamed");
        assertThat(updated.path("version").asLong()).isEqualTo(2);
        assertThat(syndication.admin.query(update, Map.of("id", id, "v", 1)).firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(syndication.admin.query("mutation { createPartner(input: {name: \"x\", commercial: true, "
                + "embargoMinutes: -1}) { id } }", Map.of()).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(Tokens.client(port, Tokens.Role.EDITOR).query("{ partners { id } }", Map.of()).firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }
}
