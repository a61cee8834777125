package dev.broadsheet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.TwoInstances;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * Editors subscribed on instance B hear about what happens on instance A: a comment entering the
 * moderation queue, an article save. Anonymous and partner connections are refused.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class LiveUpdatesTest {

    private static final String ARTICLE = "sample-article-library";

    static TwoInstances instances;
    static String editorToken;

    @BeforeAll
    static void start() {
        instances = TwoInstances.shared();
        editorToken = Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.EDITOR);
    }

    @Test
    void anEditorOnBSeesACommentEnterTheModerationQueueOnAWithinOneSecond() throws Exception {
        WebSocketGraphQlTester editorOnB = TwoInstances.socket(instances.b, editorToken);
        Flux<Map> events = editorOnB.documentName("live/moderationQueueChanged").variable("articleId", ARTICLE)
                .executeSubscription().toFlux("moderationQueueChanged", Map.class).cache();
        events.subscribe();
        awaitSubscribed();

        Response posted = GraphQlHttp.at(TwoInstances.port(instances.a)).document("comment/postComment",
                Map.of("input", Map.of("articleId", ARTICLE, "authorName", "Reader",
                        "body", "More at https://tidewater.example/library-campaign")));
        assertThat(posted.data("postComment.status").asString()).as(posted.body().toString()).isEqualTo("PENDING");
        long posting = System.nanoTime();

        Map event = events.blockFirst(Duration.ofSeconds(5));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posting);
        assertThat(event).containsEntry("commentId", posted.data("postComment.id").asString())
                .containsEntry("articleId", ARTICLE).containsEntry("queue", "WITHHELD").containsEntry("status", "PENDING");
        assertThat(tookMillis).as("delivered from A to a subscriber on B").isLessThan(1000);
        editorOnB.stop().block();
        awaitSubscriptions(0);
    }

    @Test
    void anEditorOnBSeesAnArticleSavedOnAWithTheNewVersionAndWhoSavedIt() {
        GraphQlHttp editorOnA = GraphQlHttp.at(TwoInstances.port(instances.a)).header("Authorization", "Bearer " + editorToken);
        Response created = editorOnA.document("article/editing/create", Map.of("input", Map.of(
                "slug", "live-save-" + System.nanoTime(), "title", "Harbour wall repairs", "section", "news")));
        String id = created.data("createArticle.id").asString();
        WebSocketGraphQlTester editorOnB = TwoInstances.socket(instances.b, editorToken);
        Flux<Map> events = editorOnB.documentName("live/articleChanged").variable("id", id)
                .executeSubscription().toFlux("articleChanged", Map.class).cache();
        events.subscribe();
        awaitSubscribed();

        Response saved = editorOnA.document("article/editing/update", Map.of("id", id, "version", 1,
                "input", Map.of("title", "Harbour wall repairs begin")));
        assertThat(saved.hasErrors()).as(saved.body().toString()).isFalse();
        long saving = System.nanoTime();
        Map event = events.blockFirst(Duration.ofSeconds(5));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saving);
        editorOnA.document("article/editing/publish", Map.of("id", id, "version", 2));
        List<Map> both = events.take(2).collectList().block(Duration.ofSeconds(5));

        assertThat(event).containsEntry("articleId", id).containsEntry("kind", "SAVED").containsEntry("version", 2)
                .containsEntry("status", "DRAFT");
        assertThat((Map<String, Object>) event.get("by")).containsEntry("name", "test EDITOR");
        assertThat(tookMillis).as("delivered from A to a subscriber on B").isLessThan(1000);
        assertThat(both.get(1)).containsEntry("kind", "PUBLISHED").containsEntry("version", 3)
                .containsEntry("status", "PUBLISHED");
        editorOnB.stop().block();
        awaitSubscriptions(0);
    }

    @Test
    void anonymousAndPartnerConnectionsAreRefused() {
        for (String token : new String[] {null, Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.PARTNER)}) {
            WebSocketGraphQlTester client = TwoInstances.socket(instances.b, token);
            GraphQlTester.Subscription subscription = client.documentName("live/moderationQueueChanged")
                    .executeSubscription();
            assertThatThrownBy(() -> subscription.toFlux().blockFirst(Duration.ofSeconds(5)))
                    .as(token == null ? "anonymous" : "partner").isNotNull();
            assertThat(instances.b.getBean(LiveUpdates.class).subscriptions()).isZero();
        }
    }

    @Test
    void aTokenHoldsABoundedNumberOfSubscriptions() {
        LiveProperties limits = instances.b.getBean(LiveProperties.class);
        String token = Tokens.forRole(TwoInstances.port(instances.a), Tokens.Role.ADMIN);
        WebSocketGraphQlTester client = TwoInstances.socket(instances.b, token);
        try {
            for (int i = 0; i < limits.maxSubscriptionsPerToken(); i++) {
                client.documentName("live/moderationQueueChanged").executeSubscription().toFlux().subscribe();
            }
            awaitSubscriptions(limits.maxSubscriptionsPerToken());

            Flux<Map> oneMore = client.documentName("live/moderationQueueChanged").executeSubscription()
                    .toFlux("moderationQueueChanged", Map.class);
            assertThatThrownBy(() -> oneMore.blockFirst(Duration.ofSeconds(5)))
                    .hasMessageContaining("At most " + limits.maxSubscriptionsPerToken());
        } finally {
            client.stop().block();
        }
        awaitSubscriptions(0);
    }

    @Test
    void aConnectionWithoutSubscriptionsIsClosedOnceIdleAndOneWithASubscriptionIsKept() {
        var handler = instances.b.getBean(LiveWebSocketConfiguration.IdleClosingWebSocketHandler.class);
        WebSocketGraphQlTester idle = TwoInstances.socket(instances.b, editorToken);
        WebSocketGraphQlTester busy = TwoInstances.socket(instances.b, editorToken);
        idle.start().block(Duration.ofSeconds(5));
        busy.documentName("live/moderationQueueChanged").executeSubscription().toFlux().subscribe();
        awaitSubscriptions(1);
        assertThat(handler.openConnections()).isGreaterThanOrEqualTo(2);

        handler.closeIdle(System.nanoTime() + handler.idleNanos());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handler.openConnections() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(handler.openConnections()).as("only the connection with a subscription is left").isEqualTo(1);
        assertThat(instances.b.getBean(LiveUpdates.class).subscriptions()).isEqualTo(1);
        busy.stop().block();
        idle.stop().block();
        awaitSubscriptions(0);
    }

    /** Readiness, not timing: the server registers a subscription a moment after the client sends it. */
    private static void awaitSubscribed() {
        awaitSubscriptions(1);
    }

    private static void awaitSubscriptions(int count) {
        LiveUpdates updates = instances.b.getBean(LiveUpdates.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (updates.subscriptions() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(updates.subscriptions()).isEqualTo(count);
    }
}
