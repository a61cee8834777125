package dev.broadsheet.syndication;

import static dev.broadsheet.syndication.Syndication.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a local receiver. Rounds of delivery run at instants the test names (what the
 * scheduled round does with the Clock bean), so backoff is tested without waiting.
 */
@ApiTest
class WebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    WebhookStore store;

    @Autowired
    SyndicationProperties properties;

    @Autowired
    Clock clock;

    Syndication syndication;
    WebhookReceiver receiver;
    String endpointId;
    String secret;

    @BeforeEach
    void setUp() {
        syndication = new Syndication(port);
        receiver = new WebhookReceiver();
        JsonNode created = ok(syndication.admin.query("mutation($url: String!) { createWebhookEndpoint(input: "
                + "{kind: CDN, url: $url}) { endpoint { id active } secret } }", Map.of("url", receiver.url())))
                .data("createWebhookEndpoint");
        endpointId = created.path("endpoint").path("id").asString();
        secret = created.path("secret").asString();
    }

    @AfterEach
    void tearDown() {
        ok(syndication.admin.query("mutation($id: ID!) { deactivateWebhookEndpoint(id: $id) { active } }",
                Map.of("id", endpointId)));
        receiver.close();
    }

    @Test
    void publishUpdateAndArchiveArriveSignedAndInOrderAndDraftsSendNothing() throws Exception {
        JsonNode draft = syndication.draft("news", null, List.of());
        syndication.update(draft.path("id").asString(), draft.path("version").asLong(), Map.of("title", "Still a draft"));
        JsonNode article = syndication.draft("news", null, List.of());
        String id = article.path("id").asString();
        long version = syndication.transition("publishArticle", id, article.path("version").asLong());
        version = syndication.update(id, version, Map.of("title", "Harbour board meets again"));
        version = syndication.transition("archiveArticle", id, version);

        drain(clock.instant());

        assertThat(receiver.about(draft.path("id").asString())).isEmpty();
        List<String> bodies = receiver.about(id);
        assertThat(bodies.stream().map(body -> JSON.readTree(body).path("type").asString()))
                .containsExactly("PUBLISHED", "UPDATED", "ARCHIVED");
        JsonNode last = JSON.readTree(bodies.get(2));
        assertThat(last.path("version").asLong()).isEqualTo(version);
        assertThat(last.path("surrogateKeys").toString()).contains("article:" + id);
        assertThat(last.path("occurredAt").asString()).isNotBlank();
        for (WebhookReceiver.Received received : receiver.received) {
            assertThat(received.signature()).isEqualTo(hmac(secret, received.timestamp() + "." + received.body()));
        }
        assertThat(receiver.received.stream().filter(received -> received.body().contains(id)))
                .as("a CDN endpoint gets the keys to purge as a header too (Varnish xkey)")
                .allSatisfy(received -> assertThat(received.surrogateKey()).isEqualTo("article:" + id));
        JsonNode log = ok(syndication.editor.query("query($e: ID!) { webhookDeliveries(endpointId: $e, first: 10) { "
                + "edges { node { articleId type status attempts lastStatusCode } } } }", Map.of("e", endpointId)))
                .data("webhookDeliveries.edges");
        assertThat(log.toString()).contains("DELIVERED").doesNotContain("PENDING");
        assertThat(Tokens.client(port, Tokens.Role.PARTNER).query("query($e: ID!) { webhookDeliveries(endpointId: $e) "
                + "{ edges { cursor } } }", Map.of("e", endpointId)).firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aFailingReceiverGetsRetriesWithExponentialBackoffAndLaterEventsWait() {
        receiver.answer(500, 500, 503);
        JsonNode article = syndication.draft("news", null, List.of());
        String id = article.path("id").asString();
        long version = syndication.transition("publishArticle", id, article.path("version").asLong());
        syndication.update(id, version, Map.of("title", "Corrected"));
        Instant t0 = clock.instant();

        assertThat(dispatcher.deliverDue(t0)).isEqualTo(1);
        assertThat(dispatcher.deliverDue(t0.plusSeconds(9))).isZero();
        assertThat(dispatcher.deliverDue(t0.plusSeconds(10))).isEqualTo(1);
        assertThat(dispatcher.deliverDue(t0.plusSeconds(29))).isZero();
        assertThat(dispatcher.deliverDue(t0.plusSeconds(30))).isEqualTo(1);
        assertThat(dispatcher.deliverDue(t0.plusSeconds(69))).isZero();
        assertThat(receiver.about(id)).hasSize(3).allSatisfy(body -> assertThat(body).contains("PUBLISHED"));
        assertThat(dispatcher.deliverDue(t0.plusSeconds(70))).isEqualTo(2);

        assertThat(receiver.about(id).stream().map(body -> JSON.readTree(body).path("type").asString()))
                .containsExactly("PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "UPDATED");
        JsonNode log = ok(syndication.editor.query("query($e: ID!) { webhookDeliveries(endpointId: $e) { "
                + "edges { node { type status attempts lastStatusCode } } } }", Map.of("e", endpointId)))
                .data("webhookDeliveries.edges");
        JsonNode published = log.path(1).path("node");
        assertThat(published.path("type").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("attempts").asInt()).isEqualTo(4);
        assertThat(published.path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aDeliveryStillFailingAfter24HoursIsMarkedFailedAndTheEndpointMovesOn() {
        receiver.answer(500, 500);
        JsonNode article = syndication.draft("news", null, List.of());
        String id = article.path("id").asString();
        long version = syndication.transition("publishArticle", id, article.path("version").asLong());
        syndication.transition("unpublishArticle", id, version);
        Instant t0 = clock.instant();

        dispatcher.deliverDue(t0);
        dispatcher.deliverDue(t0.plus(Duration.ofHours(25)));

        JsonNode log = ok(syndication.editor.query("query($e: ID!) { webhookDeliveries(endpointId: $e) { "
                + "edges { node { type status } } } }", Map.of("e", endpointId))).data("webhookDeliveries.edges");
        assertThat(log.toString()).contains("{\"type\":\"PUBLISHED\",\"status\":\"FAILED\"}")
                .contains("{\"type\":\"UNPUBLISHED\",\"status\":\"DELIVERED\"}");
    }

    @Test
    void aDeliveryClaimedByAnInstanceThatDiedIsSentAfterARestartOnceItsLeaseRunsOut() {
        JsonNode article = syndication.draft("news", null, List.of());
        String id = article.path("id").asString();
        syndication.transition("publishArticle", id, article.path("version").asLong());
        Instant now = clock.instant();
        WebhookDelivery queued = store.head(endpointId).orElseThrow();
        assertThat(store.claim(queued.id(), now, now.plusSeconds(30), "instance-that-died")).isPresent();

        assertThat(dispatcher.deliverDue(now.plusSeconds(5))).isZero();
        WebhookDispatcher restarted = new WebhookDispatcher(store, properties, clock);
        assertThat(restarted.deliverDue(now.plusSeconds(31))).isEqualTo(1);

        assertThat(receiver.about(id)).hasSize(1);
        assertThat(store.head(endpointId)).isEmpty();
    }

    @Test
    void twoInstancesDeliveringAtOnceSendEachDeliveryOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            JsonNode article = syndication.draft("news", null, List.of());
            syndication.transition("publishArticle", article.path("id").asString(), article.path("version").asLong());
        }
        Instant now = clock.instant();
        WebhookDispatcher other = new WebhookDispatcher(store, properties, clock);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<Integer> first = pool.submit(() -> drainCount(dispatcher, now));
        java.util.concurrent.Future<Integer> second = pool.submit(() -> drainCount(other, now));
        int attempts = first.get() + second.get();
        pool.shutdown();

        assertThat(attempts).isEqualTo(3);
        assertThat(receiver.received).hasSize(3);
        assertThat(receiver.received.stream().map(WebhookReceiver.Received::body).distinct()).hasSize(3);
    }

    @Test
    void backoffDoublesFromTheFirstRetryUpToTheMaximum() {
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(dispatcher.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    private static int drainCount(WebhookDispatcher instance, Instant now) {
        int total = 0;
        for (int round = instance.deliverDue(now); round > 0; round = instance.deliverDue(now)) {
            total += round;
        }
        return total;
    }

    private void drain(Instant now) {
        while (dispatcher.deliverDue(now) > 0) {
            // until every due delivery was attempted
        }
    }

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
