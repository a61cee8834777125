package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Where donation appeals land in an article's body, as a front end reads it through Spring's HttpGraphQlTester. */
@ApiTest
class DonationPlacementTest {

    static final String FEATURE = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    HttpGraphQlTester graphql;

    @BeforeEach
    void connect() {
        graphql = Testers.anonymous(port);
    }

    /**
     * The customer's page: a one-line ad-free appeal right after the featured image, one after a quote
     * in the middle of the body, and at the end the short line followed by the long membership appeal.
     */
    @Test
    void theSampleRebuildsTheSeedPagesAppealLayout() {
        List<Map<String, Object>> body = body(FEATURE, null, null);

        List<String> layout = body.stream().map(block -> "DonationBlock".equals(block.get("__typename"))
                ? (String) block.get("id") : (String) block.get("__typename")).toList();
        int middle = 1 + layout.subList(1, layout.size()).indexOf("sample-donation-short");
        assertThat(layout.get(0)).as("right after the featured image").isEqualTo("sample-donation-short");
        assertThat(layout.get(middle - 1)).as("the mid-body appeal follows a quote").isEqualTo("QuoteBlock");
        assertThat(middle).as("after the 8th body block").isEqualTo(1 + 8);
        assertThat(layout.subList(layout.size() - 2, layout.size()))
                .as("the short line, then the long membership appeal")
                .containsExactly("sample-donation-short", "sample-donation-long");
        assertThat(layout).filteredOn(id -> id.startsWith("sample-donation")).hasSize(4);
        assertThat(body.get(0)).containsEntry("kind", "AD_FREE");
        assertThat(body.get(0)).as("a one-line appeal has no body").containsEntry("body", null);
        assertThat(((Map<?, ?>) body.get(0).get("callToAction")).get("url")).isEqualTo("https://tidewater.example/support");
        Map<String, Object> last = body.get(body.size() - 1);
        assertThat(last).containsEntry("kind", "MEMBERSHIP");
        assertThat((String) last.get("body")).isNotBlank();
    }

    @Test
    void aSupporterSeesNoAppealsByDefault() {
        List<Map<String, Object>> body = body(FEATURE, null, true);

        assertThat(appealIds(body)).isEmpty();
        assertThat(body).isNotEmpty();
    }

    @Test
    void sectionRulesLimitWhereAnAppealGoes() {
        List<String> ids = appealIds(body(FEATURE, null, null));

        assertThat(ids).contains("sample-donation-long");
    }

    @Test
    void anArticleThatSuppressesAppealsCarriesNone() {
        assertThat(appealIds(body("review-harbour-choir-winter-concert", null, null))).isEmpty();
    }

    @Test
    void theSameReaderBucketAlwaysGetsTheSameVariant() {
        String first = variantFor(0);

        assertThat(variantFor(0)).isEqualTo(first).isEqualTo("monthly");
        assertThat(variantFor(1)).isEqualTo("one-off");
        assertThat(variantFor(null)).isNull();
    }

    private String variantFor(Integer bucket) {
        Map<String, Object> appeal = body(FEATURE, bucket, null).stream()
                .filter(b -> "sample-donation-short".equals(b.get("id")))
                .findFirst().orElseThrow();
        return (String) appeal.get("variant");
    }

    private List<Map<String, Object>> body(String slug, Integer bucket, Boolean supporter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", slug);
        variables.put("bucket", bucket);
        if (supporter != null) {
            variables.put("supporter", supporter);
        }
        return graphql.documentName("article/featureArticle").variables(variables).execute()
                .path("article.body").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private static List<String> appealIds(List<Map<String, Object>> body) {
        return body.stream().filter(b -> "DonationBlock".equals(b.get("__typename")))
                .map(b -> (String) b.get("id")).toList();
    }
}
