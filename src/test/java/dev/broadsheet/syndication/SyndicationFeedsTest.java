package dev.broadsheet.syndication;

import static dev.broadsheet.syndication.Syndication.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import dev.broadsheet.syndication.Syndication.Asset;
import dev.broadsheet.syndication.Syndication.Draft;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jdom2.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's ninjs and Atom feeds (plain HTTP GETs: they are not GraphQL, and their status codes and
 * Cache-Control are part of what is checked), and that an image the licence does not let a partner have reaches
 * it nowhere: not in the feeds, nor in what it asks over GraphQL (Spring's HttpGraphQlTester, also for the
 * change-feed follower shared with {@link ChangeFeedTest}).
 */
@ApiTest
class SyndicationFeedsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private static Schema ninjs;

    @LocalServerPort
    int port;

    Syndication syndication;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SyndicationFeedsTest.class.getResourceAsStream("/syndication/ninjs-3.1.schema.json")) {
            ninjs = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @BeforeEach
    void setUp() {
        syndication = new Syndication(port);
    }

    /** A partner in its own section with one published article (two images, one omitted) and one withdrawn. */
    record Setup(String token, String published, String withdrawn, Asset delivered, Asset omitted) {
    }

    private Setup publishTwoArticles() {
        String section = Syndication.unique("feeds").replace("-", "x");
        String partner = syndication.partner(true, List.of(section), 0);
        Asset delivered = syndication.asset("CC-BY-SA-4.0", List.of());
        Asset omitted = syndication.asset("AGENCY", List.of());
        Draft kept = syndication.draft(section, image(omitted.id(), false), List.of(image(delivered.id(), true)));
        syndication.transition("publish", kept.id(), kept.version());
        Draft gone = syndication.draft(section, null, List.of());
        long version = syndication.transition("publish", gone.id(), gone.version());
        syndication.transition("unpublish", gone.id(), version);
        return new Setup(syndication.token(partner), kept.id(), gone.id(), delivered, omitted);
    }

    @Test
    void theNinjsFeedHoldsValidNinjs31ItemsWithDeliveredImagesAndWithdrawals() {
        Setup setup = publishTwoArticles();

        List<JsonNode> items = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        followUntil("/syndication/ninjs", setup.token(), raw, body -> {
            JsonNode page = JSON.readTree(body);
            page.path("items").forEach(items::add);
            return page.path("next").asString();
        }, () -> items.stream().anyMatch(item -> item.path("uri").asString().endsWith(setup.withdrawn())));

        assertThat(items).isNotEmpty();
        assertThat(ninjs.validate(JSON.readTree("{\"uri\": \"urn:x\", \"pubStatus\": \"withdrawn\", \"extra\": 1}")))
                .as("the schema bites").hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode item : items) {
            List<Error> errors = ninjs.validate(item, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
            assertThat(errors).as(item.toString()).isEmpty();
        }
        JsonNode kept = items.stream().filter(item -> item.path("uri").asString().endsWith(setup.published()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(kept.path("pubStatus").asString()).isEqualTo("usable");
        assertThat(kept.path("associations")).hasSize(1);
        JsonNode picture = kept.path("associations").path(0);
        assertThat(picture.path("renditions").path(0).path("href").asString()).isEqualTo(setup.delivered().url());
        assertThat(picture.path("rightsInfo").path("linkedRights").asString()).contains("by-sa/4.0");
        assertThat(picture.path("usageTerms").asString()).contains("share-alike");
        assertThat(kept.path("bodies").path(0).path("value").asString()).contains(setup.delivered().url());
        JsonNode withdrawn = items.stream().filter(item -> item.path("uri").asString().endsWith(setup.withdrawn()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(withdrawn.path("pubStatus").asString()).isEqualTo("canceled");
        assertThat(raw.toString()).doesNotContain(setup.omitted().url());
    }

    @Test
    void theAtomFeedParsesWithRomeAndCarriesMediaRssForDeliveredImagesOnly() throws Exception {
        Setup setup = publishTwoArticles();

        List<SyndEntry> entries = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        followUntil("/syndication/atom", setup.token(), raw, body -> {
            try {
                SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
                assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
                entries.addAll(feed.getEntries());
                String next = feed.getLinks().stream().filter(link -> "next".equals(link.getRel())).findFirst()
                        .orElseThrow().getHref();
                return next.substring(next.indexOf("after=") + "after=".length());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> raw.toString().contains("deleted-entry ref=\"urn:broadsheet:article:" + setup.withdrawn()));

        SyndEntry kept = entries.stream().filter(entry -> entry.getUri().endsWith(setup.published())).findFirst().orElseThrow();
        List<Element> media = kept.getForeignMarkup().stream().filter(e -> e.getName().equals("content")).toList();
        assertThat(media).hasSize(1);
        assertThat(media.get(0).getAttributeValue("url")).isEqualTo(setup.delivered().url());
        assertThat(media.get(0).getChildren().stream().map(Element::getName)).contains("credit", "license");
        assertThat(raw.toString()).doesNotContain(setup.omitted().url());
    }

    @Test
    void anOmittedImageUrlReachesThePartnerInNoResponseAndNoFeed() {
        Setup setup = publishTwoArticles();
        HttpGraphQlTester partner = syndication.bearer(setup.token());
        StringBuilder everything = new StringBuilder();
        everything.append(body(partner.documentName("syndication/article").variable("id", setup.published()).execute()));
        everything.append(body(partner.documentName("syndication/featuredImageUrl").variable("id", setup.published())
                .execute()));
        everything.append(body(partner.documentName("media/uploadedAsset").variable("id", setup.omitted().id())
                .execute()));
        ChangeFollowerClient follower = new ChangeFollowerClient(partner, 5);
        await().atMost(CATCH_UP).until(() -> {
            follower.catchUp();
            return follower.held.containsKey(setup.published());
        });
        follower.articles.values().forEach(article -> everything.append(article));
        everything.append(syndication.get("/syndication/ninjs", setup.token()).body());
        everything.append(syndication.get("/syndication/atom", setup.token()).body());

        assertThat(everything.toString()).contains(setup.delivered().url())
                .doesNotContain(setup.omitted().url());
    }

    @Test
    void theFeedsRefuseCallersThatAreNotPartners() {
        assertThat(syndication.get("/syndication/ninjs", null).statusCode()).isEqualTo(403);
        assertThat(syndication.get("/syndication/atom", Tokens.forRole(port, Tokens.Role.EDITOR)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> partner = syndication.get("/syndication/ninjs", Tokens.forRole(port, Tokens.Role.PARTNER));
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.headers().firstValue("Cache-Control").orElse("")).contains("no-store").contains("private");
    }

    /**
     * Follows a feed from the start, page after page, until {@code done}: the feed shows a write once it has
     * settled ({@code broadsheet.syndication.settle-after}, 0.5 s in tests, on the application's real clock).
     */
    private void followUntil(String path, String token, StringBuilder raw, Function<String, String> readPage,
            BooleanSupplier done) {
        AtomicReference<String> after = new AtomicReference<>();
        await().atMost(CATCH_UP).alias("the feed caught up").until(() -> {
            HttpResponse<String> response = syndication.get(path + "?first=20"
                    + (after.get() == null ? "" : "&after=" + after.get()), token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            raw.append(response.body());
            after.set(readPage.apply(response.body()));
            return done.getAsBoolean();
        });
    }

    /** The whole response as a partner received it, data and errors. */
    private static String body(GraphQlTester.Response response) {
        return response.returnResponse().toMap().toString();
    }

}
