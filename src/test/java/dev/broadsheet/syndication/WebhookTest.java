package dev.broadsheet.syndication;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.syndication.Syndication.Draft;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a local receiver. Rounds of delivery run at instants the test names (what the
 * scheduled round does with the Clock bean), so backoff is tested without waiting. Endpoints and the
 * delivery log go through Spring's HttpGraphQlTester (the webhook documents under {@code syndication/}).
 */
@ApiTest
class WebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One row of webhookDeliveries as an editor reads it. */
    record Delivery(String articleId, String type, String status, int attempts, Integer lastStatusCode) {
    }

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
        GraphQlTester.Response created = syndication.admin.documentName("syndication/createWebhookEndpoint")
                .variable("input", Map.of("kind", "CDN", "url", receiver.url())).execute();
        endpointId = created.errors().verify().path("createWebhookEndpoint.endpoint.id").entity(String.class).get();
        secret = created.path("createWebhookEndpoint.secret").entity(String.class).get();
    }

    @AfterEach
    void tearDown() {
        syndication.admin.documentName("syndication/deactivateWebhookEndpoint").variable("id", endpointId).execute()
                .errors().verify();
        receiver.close();
    }

    @Test
    void publishUpdateAndArchiveArriveSignedAndInOrderAndDraftsSendNothing() throws Exception {
        Draft draft = syndication.draft("news", null, List.of());
        syndication.update(draft.id(), draft.version(), Map.of("title", "Still a draft"));
        Draft article = syndication.draft("news", null, List.of());
        String id = article.id();
        long version = syndication.transition("publish", id, article.version());
        version = syndication.update(id, version, Map.of("title", "Harbour board meets again"));
        version = syndication.transition("archive", id, version);

        drain(clock.instant());

        assertThat(receiver.about(draft.id())).isEmpty();
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
        assertThat(deliveries(10)).extracting(Delivery::status).contains("DELIVERED").doesNotContain("PENDING");
        assertThat(firstError(Testers.as(port, Tokens.Role.PARTNER).documentName("syndication/webhookDeliveries")
                .variable("endpointId", endpointId).execute())).containsEntry("code", "FORBIDDEN");
    }

    @Test
    void aFailingReceiverGetsRetriesWithExponentialBackoffAndLaterEventsWait() {
        receiver.answer(500, 500, 503);
        Draft article = syndication.draft("news", null, List.of());
        String id = article.id();
        long version = syndication.transition("publish", id, article.version());
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
        Delivery published = deliveries(null).get(1);
        assertThat(published.type()).isEqualTo("PUBLISHED");
        assertThat(published.attempts()).isEqualTo(4);
        assertThat(published.status()).isEqualTo("DELIVERED");
    }

    @Test
    void aDeliveryStillFailingAfter24HoursIsMarkedFailedAndTheEndpointMovesOn() {
        receiver.answer(500, 500);
        Draft article = syndication.draft("news", null, List.of());
        String id = article.id();
        long version = syndication.transition("publish", id, article.version());
        syndication.transition("unpublish", id, version);
        Instant t0 = clock.instant();

        dispatcher.deliverDue(t0);
        dispatcher.deliverDue(t0.plus(Duration.ofHours(25)));

        assertThat(deliveries(null)).extracting(Delivery::type, Delivery::status)
                .contains(tuple("PUBLISHED", "FAILED"), tuple("UNPUBLISHED", "DELIVERED"));
    }

    @Test
    void aDeliveryClaimedByAnInstanceThatDiedIsSentAfterARestartOnceItsLeaseRunsOut() {
        Draft article = syndication.draft("news", null, List.of());
        String id = article.id();
        syndication.transition("publish", id, article.version());
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
            Draft article = syndication.draft("news", null, List.of());
            syndication.transition("publish", article.id(), article.version());
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

    /** The endpoint's deliveries, newest first, as an editor reads them; {@code first} null: the default page. */
    private List<Delivery> deliveries(Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("endpointId", endpointId);
        if (first != null) {
            variables.put("first", first);
        }
        return syndication.editor.documentName("syndication/webhookDeliveries").variables(variables).execute()
                .errors().verify().path("webhookDeliveries.edges[*].node").entityList(Delivery.class).get();
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
