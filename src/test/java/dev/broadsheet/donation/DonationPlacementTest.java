package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class DonationPlacementTest {

    @LocalServerPort
    int port;

    /**
     * The customer's page: a one-line ad-free appeal right after the featured image, one after a quote
     * in the middle of the body, and at the end the short line followed by the long membership appeal.
     */
    @Test
    void theSampleRebuildsTheSeedPagesAppealLayout() {
        List<JsonNode> body = body("dock-workers-walk-out-over-pay-freeze", null);

        List<String> layout = body.stream().map(block -> block.path("__typename").asString().equals("DonationBlock")
                ? block.path("id").asString() : block.path("__typename").asString()).toList();
        int middle = 1 + layout.subList(1, layout.size()).indexOf("sample-donation-short");
        assertThat(layout.get(0)).as("right after the featured image").isEqualTo("sample-donation-short");
        assertThat(layout.get(middle - 1)).as("the mid-body appeal follows a quote").isEqualTo("QuoteBlock");
        assertThat(middle).as("after the 8th body block").isEqualTo(1 + 8);
        assertThat(layout.subList(layout.size() - 2, layout.size()))
                .as("the short line, then the long membership appeal")
                .containsExactly("sample-donation-short", "sample-donation-long");
        assertThat(layout).filteredOn(id -> id.startsWith("sample-donation")).hasSize(4);
        assertThat(body.get(0).path("kind").asString()).isEqualTo("AD_FREE");
        assertThat(body.get(0).path("body").isNull()).as("a one-line appeal has no body").isTrue();
        assertThat(body.get(0).path("callToAction").path("url").asString()).isEqualTo("https://tidewater.example/support");
        assertThat(body.get(body.size() - 1).path("kind").asString()).isEqualTo("MEMBERSHIP");
        assertThat(body.get(body.size() - 1).path("body").asString()).isNotBlank();
    }

    @Test
    void aSupporterSeesNoAppealsByDefault() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", "dock-workers-walk-out-over-pay-freeze");
        variables.put("supporter", true);
        JsonNode body = GraphQlHttp.at(port).document("article/featureArticle", variables).data("article.body");

        assertThat(appealIds(StreamSupport.stream(body.spliterator(), false).toList())).isEmpty();
        assertThat(body.size()).isPositive();
    }

    @Test
    void sectionRulesLimitWhereAnAppealGoes() {
        List<String> ids = appealIds(body("dock-workers-walk-out-over-pay-freeze", null));

        assertThat(ids).contains("sample-donation-long");
    }

    @Test
    void anArticleThatSuppressesAppealsCarriesNone() {
        assertThat(appealIds(body("review-harbour-choir-winter-concert", null))).isEmpty();
    }

    @Test
    void theSameReaderBucketAlwaysGetsTheSameVariant() {
        String first = variantFor(0);

        assertThat(variantFor(0)).isEqualTo(first).isEqualTo("monthly");
        assertThat(variantFor(1)).isEqualTo("one-off");
        assertThat(variantFor(null)).isNull();
    }

    private String variantFor(Integer bucket) {
        JsonNode appeal = body("dock-workers-walk-out-over-pay-freeze", bucket).stream()
                .filter(b -> b.path("id").asString("").equals("sample-donation-short"))
                .findFirst().orElseThrow();
        return appeal.path("variant").isNull() ? null : appeal.path("variant").asString();
    }

    private List<JsonNode> body(String slug, Integer bucket) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", slug);
        variables.put("bucket", bucket);
        JsonNode body = GraphQlHttp.at(port).document("article/featureArticle", variables).data("article.body");
        return StreamSupport.stream(body.spliterator(), false).toList();
    }

    private static List<String> appealIds(List<JsonNode> body) {
        return body.stream().filter(b -> b.path("__typename").asString().equals("DonationBlock"))
                .map(b -> b.path("id").asString()).toList();
    }
}
