package dev.broadsheet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.TwoInstances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * Editors subscribed on instance B hear about what happens on instance A: a comment entering the
 * moderation queue, an article save. Anonymous and partner connections are refused. Writes on A go
 * through Spring's HttpGraphQlTester, subscriptions on B through its WebSocket tester. How fast an
 * event arrives is the live benchmark's business; here each wait has a generous ceiling.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class LiveUpdatesTest {

    private static final String ARTICLE = "sample-article-library";
    /** Ceilings, not timings: generous, so a loaded machine never fails a test that would pass. */
    private static final Duration EVENT_CEILING = Duration.ofSeconds(10);
    private static final Duration READY_CEILING = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(10);

    static TwoInstances instances;
    static String editorToken;

    private final List<WebSocketGraphQlTester> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        instances = TwoInstances.shared();
        editorToken = Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.EDITOR);
    }

    @Test
    void anEditorOnBSeesACommentEnterTheModerationQueueOnA() {
        WebSocketGraphQlTester editorOnB = socket(editorToken);
        Flux<Map> events = editorOnB.documentName("live/moderationQueueChanged").variable("articleId", ARTICLE)
                .executeSubscription().toFlux("moderationQueueChanged", Map.class).cache();
        events.subscribe();
        awaitSubscribed();

        GraphQlTester.Response posted = Testers.anonymous(TwoInstances.port(instances.a)).documentName("comment/postComment")
                .variable("input", Map.of("articleId", ARTICLE, "authorName", "Reader",
                        "body", "More at https://tidewater.example/library-campaign")).execute();
        posted.path("postComment.status").entity(String.class).isEqualTo("PENDING");

        Map event = events.blockFirst(EVENT_CEILING);
        assertThat(event).containsEntry("commentId", posted.path("postComment.id").entity(String.class).get())
                .containsEntry("articleId", ARTICLE).containsEntry("queue", "WITHHELD").containsEntry("status", "PENDING");
    }

    @Test
    void anEditorOnBSeesAnArticleSavedOnAWithTheNewVersionAndWhoSavedIt() {
        HttpGraphQlTester editorOnA = Testers.anonymous(TwoInstances.port(instances.a)).mutate()
                .header("Authorization", "Bearer " + editorToken).build();
        String id = editorOnA.documentName("article/editing/create").variable("input", Map.of(
                "slug", "live-save-" + System.nanoTime(), "title", "Harbour wall repairs", "section", "news")).execute()
                .path("createArticle.id").entity(String.class).get();
        WebSocketGraphQlTester editorOnB = socket(editorToken);
        Flux<Map> events = editorOnB.documentName("live/articleChanged").variable("id", id)
                .executeSubscription().toFlux("articleChanged", Map.class).cache();
        events.subscribe();
        awaitSubscribed();

        editorOnA.documentName("article/editing/update").variable("id", id).variable("version", 1)
                .variable("input", Map.of("title", "Harbour wall repairs begin")).execute().errors().verify();
        Map event = events.blockFirst(EVENT_CEILING);
        editorOnA.documentName("article/editing/publish").variable("id", id).variable("version", 2).execute();
        List<Map> both = events.take(2).collectList().block(EVENT_CEILING);

        assertThat(event).containsEntry("articleId", id).containsEntry("kind", "SAVED").containsEntry("version", 2)
                .containsEntry("status", "DRAFT");
        assertThat((Map<String, Object>) event.get("by")).containsEntry("name", "test EDITOR");
        assertThat(both.get(1)).containsEntry("kind", "PUBLISHED").containsEntry("version", 3)
                .containsEntry("status", "PUBLISHED");
    }

    @Test
    void anonymousAndPartnerConnectionsAreRefused() {
        for (String token : new String[] {null, Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.PARTNER)}) {
            WebSocketGraphQlTester client = socket(token);
            GraphQlTester.Subscription subscription = client.documentName("live/moderationQueueChanged")
                    .executeSubscription();
            assertThatThrownBy(() -> subscription.toFlux().blockFirst(EVENT_CEILING))
                    .as(token == null ? "anonymous" : "partner").isNotNull()
                    .hasMessageNotContaining("Timeout on blocking read"); // refused, not merely silent
            assertThat(instances.b.getBean(LiveUpdates.class).subscriptions()).isZero();
        }
    }

    @Test
    void aTokenHoldsABoundedNumberOfSubscriptions() {
        LiveProperties limits = instances.b.getBean(LiveProperties.class);
        String token = Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.ADMIN);
        WebSocketGraphQlTester client = socket(token);
        for (int i = 0; i < limits.maxSubscriptionsPerToken(); i++) {
            client.documentName("live/moderationQueueChanged").executeSubscription().toFlux().subscribe();
        }
        awaitSubscriptions(limits.maxSubscriptionsPerToken());

        Flux<Map> oneMore = client.documentName("live/moderationQueueChanged").executeSubscription()
                .toFlux("moderationQueueChanged", Map.class);
        assertThatThrownBy(() -> oneMore.blockFirst(EVENT_CEILING))
                .hasMessageContaining("At most " + limits.maxSubscriptionsPerToken());
    }

    @Test
    void aConnectionWithoutSubscriptionsIsClosedOnceIdleAndOneWithASubscriptionIsKept() {
        var handler = instances.b.getBean(LiveWebSocketConfiguration.IdleClosingWebSocketHandler.class);
        WebSocketGraphQlTester idle = socket(editorToken);
        WebSocketGraphQlTester busy = socket(editorToken);
        idle.start().block(READY_CEILING);
        busy.documentName("live/moderationQueueChanged").executeSubscription().toFlux().subscribe();
        awaitSubscriptions(1);
        assertThat(handler.openConnections()).isGreaterThanOrEqualTo(2);

        handler.closeIdle(System.nanoTime() + handler.idleNanos());

        await().atMost(READY_CEILING).pollInterval(POLL).untilAsserted(() ->
                assertThat(handler.openConnections()).as("only the connection with a subscription is left").isEqualTo(1));
        assertThat(instances.b.getBean(LiveUpdates.class).subscriptions()).isEqualTo(1);
    }

    /** A client of B, stopped after the test whatever its outcome, so that no subscription outlives its test. */
    private WebSocketGraphQlTester socket(String token) {
        WebSocketGraphQlTester client = TwoInstances.socket(instances.b, token);
        opened.add(client);
        return client;
    }

    @AfterEach
    void stopClients() {
        opened.forEach(client -> client.stop().block(READY_CEILING));
        awaitSubscriptions(0);
    }

    /** Readiness, not timing: the server registers a subscription a moment after the client sends it. */
    private static void awaitSubscribed() {
        awaitSubscriptions(1);
    }

    private static void awaitSubscriptions(int count) {
        LiveUpdates updates = instances.b.getBean(LiveUpdates.class);
        await().atMost(READY_CEILING).pollInterval(POLL).untilAsserted(() -> assertThat(updates.subscriptions()).isEqualTo(count));
    }
}
