package dev.broadsheet.syndication;

import static dev.broadsheet.syndication.Syndication.image;
import static dev.broadsheet.syndication.Syndication.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class SyndicationLogTest {

    private static final String LOG = "query($p: ID, $a: ID) { syndicationLog(partnerId: $p, articleId: $a, first: 10) { "
            + "edges { node { partnerId articleId version channel images { assetId decision reason } } } } }";

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
        Map<String, String> agency = syndication.asset("AGENCY", List.of());
        Map<String, String> open = syndication.asset("CC-BY-4.0", List.of());
        JsonNode draft = syndication.draft("news", image(agency.get("id"), false), List.of(image(open.get("id"), false)));
        String id = draft.path("id").asString();
        long version = syndication.transition("publishArticle", id, draft.path("version").asLong());
        GraphQlHttp client = syndication.client(partner);
        ok(client.document("syndication/article", Map.of("id", id)));
        ok(syndication.admin.document("syndication/article", Map.of("id", id, "partnerId", partner)));

        JsonNode edges = ok(syndication.admin.query(LOG, Map.of("p", partner, "a", id))).data("syndicationLog.edges");

        assertThat(edges).as("an admin's preview is not a delivery").hasSize(1);
        JsonNode entry = edges.path(0).path("node");
        assertThat(entry.path("version").asLong()).isEqualTo(version);
        assertThat(entry.path("channel").asString()).isEqualTo("ARTICLE");
        assertThat(entry.path("images").path(0).path("assetId").asString()).isEqualTo(agency.get("id"));
        assertThat(entry.path("images").path(0).path("decision").asString()).isEqualTo("OMIT");
        assertThat(entry.path("images").path(1).path("decision").asString()).isEqualTo("DELIVER");
        assertThat(syndication.editor.query(LOG, Map.of("p", partner)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(ok(client.query(LOG, Map.of("p", partner))).data("syndicationLog.edges")).hasSize(1);
    }

    @Test
    void aPartnerResponseIsNeverCachedNorServedToAnonymousReaders() throws Exception {
        String partner = syndication.partner(true, List.of(), 0);
        JsonNode draft = syndication.draft("news", null, List.of());
        syndication.transition("publishArticle", draft.path("id").asString(), draft.path("version").asLong());
        String query = "{ syndicatedArticle(id: \"" + draft.path("id").asString() + "\") { id title } }";
        URI uri = URI.create("http://localhost:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> asPartner = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                + syndication.token(partner)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(asPartner.body()).contains(draft.path("id").asString());
        assertThat(asPartner.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("no-store");
        assertThat(anonymous.body()).contains("FORBIDDEN").doesNotContain("Harbour board meets");
        assertThat(anonymous.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
    }
}
