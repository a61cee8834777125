package dev.broadsheet.syndication;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.syndication.Syndication.image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.syndication.Syndication.Asset;
import dev.broadsheet.syndication.Syndication.Draft;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What a partner receives of a published article: each image as its licence allows, no donation appeals, nothing
 * outside its terms; and who may reach the partner surface. Partners, assets and articles are set up with
 * {@link Syndication}; everything asserted is asked through Spring's HttpGraphQlTester.
 */
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
        Asset agency = syndication.asset("AGENCY", List.of());
        Asset cleared = syndication.asset("AGENCY", List.of(partner));
        Asset nonCommercial = syndication.asset("CC-BY-NC-4.0", List.of());
        Asset noDerivatives = syndication.asset("CC-BY-ND-4.0", List.of());
        Asset shareAlike = syndication.asset("CC-BY-SA-4.0", List.of());
        String id = published(image(agency.id(), false), List.of(image(cleared.id(), false),
                image(nonCommercial.id(), false), image(noDerivatives.id(), true), image(shareAlike.id(), true)));

        GraphQlTester.Response response = article(partnerTester(partner), Map.of("id", id));

        response.errors().verify();
        response.path("syndicatedArticle.featuredImage.decision").entity(String.class).isEqualTo("OMIT");
        response.path("syndicatedArticle.featuredImage.asset").valueIsNull();
        assertThat(response.path("syndicatedArticle.featuredImage.reason").entity(String.class).get()).contains("not cleared");
        response.path("syndicatedArticle.body[?(@.__typename == 'SyndicatedImageBlock')].image.decision")
                .entityList(String.class).containsExactly("DELIVER", "OMIT", "OMIT", "DELIVER");
        response.path("syndicatedArticle.body[4].image.asset.url").entity(String.class).isEqualTo(shareAlike.url());
        assertThat(response.path("syndicatedArticle.body[4].image.attribution").entity(String.class).get())
                .contains("cropped to 600 × 400 px").contains("CC BY-SA 4.0");
        assertThat(response.path("syndicatedArticle.body[4].image.obligations").entityList(String.class).get().toString())
                .contains("share-alike");
        String body = response.returnResponse().toMap().toString();
        for (Asset omitted : List.of(agency, nonCommercial, noDerivatives)) {
            assertThat(body).doesNotContain(omitted.url());
        }
    }

    @Test
    void aNonCommercialPartnerReceivesNonCommercialImages() {
        String partner = syndication.partner(false, List.of(), 0);
        Asset nonCommercial = syndication.asset("CC-BY-NC-4.0", List.of());
        String id = published(image(nonCommercial.id(), false), List.of());

        GraphQlTester.Response featured = article(partnerTester(partner), Map.of("id", id));

        featured.errors().verify().path("syndicatedArticle.featuredImage.decision").entity(String.class).isEqualTo("DELIVER");
        featured.path("syndicatedArticle.featuredImage.asset.url").entity(String.class).isEqualTo(nonCommercial.url());
        assertThat(featured.path("syndicatedArticle.featuredImage.obligations").entityList(String.class).get().toString())
                .contains("Non-commercial use only");
    }

    @Test
    void donationAppealsAreNeverSyndicated() {
        String partner = syndication.partner(true, List.of(), 0);
        String id = published(null, List.of());

        List<String> readerBody = Testers.anonymous(port).documentName("article/bodyTypes").variable("id", id).execute()
                .errors().verify().path("article.body[*].__typename").entityList(String.class).get();
        List<String> partnerBody = article(partnerTester(partner), Map.of("id", id)).errors().verify()
                .path("syndicatedArticle.body[*].__typename").entityList(String.class).get();

        assertThat(readerBody).contains("DonationBlock");
        assertThat(partnerBody.toString()).doesNotContain("Donation").contains("ParagraphBlock");
    }

    @Test
    void aPartnerSeesNothingBeforeItsEmbargoNorOutsideItsSections() {
        String embargoed = syndication.partner(true, List.of(), 60);
        String culture = syndication.partner(true, List.of("culture"), 0);
        String everything = syndication.partner(true, List.of(), 0);
        String id = published(null, List.of());
        Map<String, Object> byId = Map.of("id", id);

        article(partnerTester(embargoed), byId).errors().verify().path("syndicatedArticle").valueIsNull();
        article(partnerTester(culture), byId).errors().verify().path("syndicatedArticle").valueIsNull();
        article(partnerTester(everything), byId).errors().verify().path("syndicatedArticle.id").entity(String.class)
                .isEqualTo(id);
    }

    @Test
    void onlyPartnerTokensAndAdminsNamingAPartnerReachThePartnerSurface() {
        String partner = syndication.partner(true, List.of(), 0);
        String other = syndication.partner(true, List.of(), 0);
        HttpGraphQlTester partnerClient = partnerTester(partner);
        for (HttpGraphQlTester outsider : List.of(Testers.anonymous(port), Testers.as(port, Tokens.Role.EDITOR))) {
            assertForbidden(article(outsider, Map.of("slug", "x")));
            assertForbidden(outsider.documentName("syndication/changes").execute());
        }
        Map<String, Object> otherPartner = new HashMap<>(Map.of("slug", "x", "partnerId", other));
        assertForbidden(article(partnerClient, otherPartner));
        assertForbidden(partnerClient.documentName("syndication/partners").execute());
        assertForbidden(partnerClient.documentName("article/editing/search").execute());
        assertThat(firstError(partnerClient.documentName("article/latest").execute()))
                .as("reader queries would show every image").containsEntry("code", "FORBIDDEN");
        assertForbidden(partnerClient.documentName("media/assetUrl").variable("id", "sample-asset-choir").execute());
        assertForbidden(partnerClient.documentName("syndication/log").variable("partnerId", other).execute());
        assertForbidden(partnerClient.documentName("syndication/createPartner")
                .variable("input", Map.of("name", "x", "commercial", false)).execute());
        article(admin(), otherPartner).errors().verify().path("syndicatedArticle").valueIsNull();
    }

    @Test
    void aPartnerTokenMustNameAnExistingPartnerAndOnlyPartnerTokensNameOne() {
        assertValidation(createToken("PARTNER", null));
        assertValidation(createToken("PARTNER", "no-such-partner"));
        String partner = syndication.partner(false, List.of(), 0);
        assertValidation(createToken("EDITOR", partner));
        createToken("PARTNER", partner).errors().verify().path("createApiToken.token.partnerId").entity(String.class)
                .isEqualTo(partner);
    }

    @Test
    void partnersAreCreatedAndUpdatedByAdminsWithOptimisticConcurrency() {
        String id = syndication.partner(true, List.of("news"), 5);
        Map<String, Object> renamed = Map.of("name", "Renamed", "commercial", false, "sections", List.of("culture"),
                "embargoMinutes", 0);

        GraphQlTester.Response updated = admin().documentName("syndication/updatePartner").variable("id", id)
                .variable("version", 1).variable("input", renamed).execute();

        updated.errors().verify().path("updatePartner.name").entity(String.class).isEqualTo("Renamed");
        updated.path("updatePartner.version").entity(Long.class).isEqualTo(2L);
        assertThat(firstError(admin().documentName("syndication/updatePartner").variable("id", id).variable("version", 1)
                .variable("input", renamed).execute())).containsEntry("code", "VERSION_CONFLICT");
        assertValidation(admin().documentName("syndication/createPartner")
                .variable("input", Map.of("name", "x", "commercial", true, "embargoMinutes", -1)).execute());
        assertForbidden(Testers.as(port, Tokens.Role.EDITOR).documentName("syndication/partners").execute());
    }

    /** Publishes a new draft in "news" with the given images; returns its id. */
    private String published(Map<String, Object> featured, List<Map<String, Object>> bodyImages) {
        Draft draft = syndication.draft("news", featured, bodyImages);
        syndication.transition("publish", draft.id(), draft.version());
        return draft.id();
    }

    @Test
    void aPartnerReadsTheByLineAsAuthorsWithTheirOtherArticles() {
        String partner = syndication.partner(true, List.of(), 0);

        GraphQlTester.Response response = partnerTester(partner).documentName("syndication/articleAuthors")
                .variable("id", "sample-article-dock-strike").execute();

        response.errors().verify();
        response.path("syndicatedArticle.authors[*].slug").entityList(String.class).containsExactly("priya-nandakumar");
        response.path("syndicatedArticle.authors[0].name").entity(String.class).isEqualTo("Priya Nandakumar");
        response.path("syndicatedArticle.authors[0].articles.edges[0].node.slug").entity(String.class)
                .satisfies(slug -> assertThat(slug).isNotBlank());
    }

    private static GraphQlTester.Response article(HttpGraphQlTester caller, Map<String, Object> variables) {
        return caller.documentName("syndication/article").variables(variables).execute();
    }

    private GraphQlTester.Response createToken(String role, String partnerId) {
        Map<String, Object> variables = new HashMap<>(Map.of("name", "t", "role", role));
        variables.put("partnerId", partnerId);
        return admin().documentName("security/createToken").variables(variables).execute();
    }

    private HttpGraphQlTester partnerTester(String partnerId) {
        return syndication.client(partnerId);
    }

    private HttpGraphQlTester admin() {
        return Testers.as(port, Tokens.Role.ADMIN);
    }

    private static void assertForbidden(GraphQlTester.Response response) {
        assertThat(firstError(response)).containsEntry("code", "FORBIDDEN");
    }

    private static void assertValidation(GraphQlTester.Response response) {
        assertThat(firstError(response)).containsEntry("code", "VALIDATION");
    }
}
