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

    @Test
    void theShortAppealIsPlacedByRuleThreeTimesInPosition() {
        List<JsonNode> body = body("dock-workers-walk-out-over-pay-freeze", null);

        List<Integer> positions = new java.util.ArrayList<>();
        int paragraphs = 0;
        for (int i = 0; i < body.size(); i++) {
            JsonNode block = body.get(i);
            if (block.path("__typename").asString().equals("ParagraphBlock")) {
                paragraphs++;
            }
            if (block.path("id").asString("").equals("sample-donation-short")) {
                positions.add(paragraphs);
            }
        }
        assertThat(positions).as("paragraphs before each placement").hasSize(3).startsWith(1, 4);
        assertThat(body.get(body.size() - 1).path("id").asString()).isEqualTo("sample-donation-short");
        assertThat(body.get(1).path("heading").asString()).isEqualTo("Support us and go ad-free");
        assertThat(body.get(1).path("callToAction").path("url").asString()).isEqualTo("https://tidewater.example/support");
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
