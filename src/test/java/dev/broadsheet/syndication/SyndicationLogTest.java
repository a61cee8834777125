package dev.broadsheet.syndication;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.syndication.Syndication.image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.syndication.Syndication.Asset;
import dev.broadsheet.syndication.Syndication.Draft;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The syndication log: what each partner received. Through Spring's HttpGraphQlTester; the check that a partner's
 * response is never cached is plain HTTP GET, as its Cache-Control header is the point.
 */
@ApiTest
class SyndicationLogTest {

    @LocalServerPort
    int port;

    Syndication syndication;

    @BeforeEach
    void setUp() {
        syndication = new Syndication(port);
    }

    @Test
    void adminsSeeWhichPartnerReceivedWhichVersionWithWhichImageDecisions() {
        String partner = syndication.partner(true, List.of(), 0);
        Asset agency = syndication.asset("AGENCY", List.of());
        Asset open = syndication.asset("CC-BY-4.0", List.of());
        Draft draft = syndication.draft("news", image(agency.id(), false), List.of(image(open.id(), false)));
        String id = draft.id();
        long version = syndication.transition("publish", id, draft.version());
        HttpGraphQlTester client = syndication.client(partner);
        HttpGraphQlTester admin = Testers.as(port, Tokens.Role.ADMIN);
        client.documentName("syndication/article").variable("id", id).execute().errors().verify();
        admin.documentName("syndication/article").variable("id", id).variable("partnerId", partner).execute()
                .errors().verify();

        GraphQlTester.Response log = log(admin, Map.of("partnerId", partner, "articleId", id));

        log.errors().verify().path("syndicationLog.edges").entityList(Object.class).hasSize(1); // an admin's preview is not a delivery
        log.path("syndicationLog.edges[0].node.version").entity(Long.class).isEqualTo(version);
        log.path("syndicationLog.edges[0].node.channel").entity(String.class).isEqualTo("ARTICLE");
        log.path("syndicationLog.edges[0].node.images[0].assetId").entity(String.class).isEqualTo(agency.id());
        log.path("syndicationLog.edges[0].node.images[0].decision").entity(String.class).isEqualTo("OMIT");
        log.path("syndicationLog.edges[0].node.images[1].decision").entity(String.class).isEqualTo("DELIVER");
        assertThat(firstError(log(Testers.as(port, Tokens.Role.EDITOR), Map.of("partnerId", partner))))
                .containsEntry("code", "FORBIDDEN");
        log(client, Map.of("partnerId", partner)).errors().verify().path("syndicationLog.edges").entityList(Object.class)
                .hasSize(1);
    }

    @Test
    void aPartnerResponseIsNeverCachedNorServedToAnonymousReaders() throws Exception {
        String partner = syndication.partner(true, List.of(), 0);
        Draft draft = syndication.draft("news", null, List.of());
        syndication.transition("publish", draft.id(), draft.version());
        String query = "{ syndicatedArticle(id: \"" + draft.id() + "\") { id title } }";
        URI uri = URI.create("http://localhost:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> asPartner = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                + syndication.token(partner)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(asPartner.body()).contains(draft.id());
        assertThat(asPartner.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("no-store");
        assertThat(anonymous.body()).contains("FORBIDDEN").doesNotContain("Harbour board meets");
        assertThat(anonymous.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
    }

    private static GraphQlTester.Response log(HttpGraphQlTester caller, Map<String, Object> variables) {
        Map<String, Object> page = new HashMap<>(variables);
        page.put("first", 10);
        return caller.documentName("syndication/log").variables(page).execute();
    }
}
