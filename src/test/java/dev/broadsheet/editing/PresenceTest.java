package dev.broadsheet.editing;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.TwoInstances;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;

/**
 * Two editors, one on each instance, see each other on the same article; presence lapses 60 s after
 * the last heartbeat (the shared test clock moves, nothing sleeps). Every check here is about the two
 * instances sharing presence, so all run on {@link TwoInstances} (which live/LiveUpdatesTest shares);
 * over HTTP through Spring's HttpGraphQlTester, subscriptions through its WebSocket tester.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PresenceTest {

    static TwoInstances instances;
    static HttpGraphQlTester aliceOnA;
    static HttpGraphQlTester bobOnB;

    @BeforeAll
    static void editors() {
        instances = TwoInstances.shared();
        aliceOnA = editor(instances.a, "Alice");
        bobOnB = editor(instances.b, "Bob");
    }

    @Test
    void twoEditorsOnDifferentInstancesSeeEachOther() {
        String article = draft("presence-both");

        assertThat(names(start(aliceOnA, article), "startEditing")).containsExactly("Alice");
        assertThat(names(start(bobOnB, article), "startEditing")).containsExactly("Alice", "Bob");

        assertThat(editingNow(aliceOnA, article)).containsExactly("Alice", "Bob");
        assertThat(editingNow(bobOnB, article)).containsExactly("Alice", "Bob");
        assertThat(firstError(start(Testers.anonymous(TwoInstances.port(instances.a)), article)))
                .containsEntry("code", "UNAUTHENTICATED");

        bobOnB.documentName("editing/stopEditing").variable("articleId", article).execute().errors().verify();
        assertThat(editingNow(aliceOnA, article)).containsExactly("Alice");
    }

    @Test
    void presenceLapsesSixtySecondsAfterTheLastHeartbeat() {
        String article = draft("presence-lapse");
        start(aliceOnA, article).errors().verify();
        start(bobOnB, article).errors().verify();

        instances.clock.advance(Duration.ofSeconds(30));
        start(aliceOnA, article).errors().verify(); // Alice's heartbeat; Bob is quiet
        instances.clock.advance(Duration.ofSeconds(30));
        assertThat(editingNow(aliceOnA, article)).as("Bob's last heartbeat was 60 s ago").containsExactly("Alice");

        instances.clock.advance(Duration.ofSeconds(29));
        assertThat(editingNow(bobOnB, article)).containsExactly("Alice");
        instances.clock.advance(Duration.ofSeconds(1));
        assertThat(editingNow(bobOnB, article)).as("60 s after Alice's last heartbeat").isEmpty();
        assertThat(instances.b.getBean(PresenceService.class).sweep()).as("both marked gone by one sweep")
                .isEqualTo(2);
    }

    @Test
    void startingAndLapsingArePushedThroughArticleChangedOnTheOtherInstance() {
        String article = draft("presence-push");
        WebSocketGraphQlTester watcher = TwoInstances.socket(instances.b, Tokens.forRole(
                TwoInstances.port(instances.a), Tokens.Role.EDITOR));
        Map started;
        List<Map> both;
        try {
            Flux<Map> events = watcher.documentName("editing/articleChanged").variable("id", article)
                    .executeSubscription().toFlux("articleChanged", Map.class).cache();
            events.subscribe();
            var updates = instances.b.getBean(dev.broadsheet.live.LiveUpdates.class);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(updates::watches);

            start(aliceOnA, article).errors().verify();
            started = events.blockFirst(Duration.ofSeconds(10));
            instances.clock.advance(Duration.ofSeconds(61));
            instances.a.getBean(PresenceService.class).sweep();
            both = events.take(2).collectList().block(Duration.ofSeconds(10));
        } finally {
            watcher.stop().block(Duration.ofSeconds(10)); // live/LiveUpdatesTest counts B's subscriptions
        }

        assertThat(started).containsEntry("kind", "EDITING");
        assertThat((List<Map>) started.get("editingNow")).extracting(m -> m.get("editorName")).containsExactly("Alice");
        assertThat(both.get(1)).containsEntry("kind", "EDITING");
        assertThat((List<Map>) both.get(1).get("editingNow")).isEmpty();
    }

    private static GraphQlTester.Response start(HttpGraphQlTester editor, String article) {
        return editor.documentName("editing/startEditing").variable("articleId", article).execute();
    }

    private static String draft(String stem) {
        return aliceOnA.documentName("article/editing/create").variable("input", Map.of(
                "slug", stem + "-" + System.nanoTime(), "title", "Quay lights", "section", "news")).execute()
                .path("createArticle.id").entity(String.class).get();
    }

    private static List<String> editingNow(HttpGraphQlTester editor, String article) {
        return names(editor.documentName("editing/editingNow").variable("id", article).execute(), "article.editingNow");
    }

    private static List<String> names(GraphQlTester.Response response, String path) {
        return response.path(path + "[*].editorName").entityList(String.class).get();
    }

    /** An editor token named {@code name} (issued on A; both instances share the store), sent to {@code instance}. */
    private static HttpGraphQlTester editor(org.springframework.context.ConfigurableApplicationContext instance, String name) {
        HttpGraphQlTester admin = Testers.anonymous(TwoInstances.port(instances.a)).mutate()
                .header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN).build();
        String secret = admin.documentName("editing/issueToken").variable("name", name).execute()
                .path("createApiToken.secret").entity(String.class).get();
        return Testers.anonymous(TwoInstances.port(instance)).mutate().header("Authorization", "Bearer " + secret).build();
    }
}
