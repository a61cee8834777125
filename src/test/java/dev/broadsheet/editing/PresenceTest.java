package dev.broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
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
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Two editors, one on each instance, see each other on the same article; presence lapses 60 s after
 * the last heartbeat (the shared test clock moves, nothing sleeps).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PresenceTest {

    static TwoInstances instances;
    static GraphQlHttp aliceOnA;
    static GraphQlHttp bobOnB;

    @BeforeAll
    static void editors() {
        instances = TwoInstances.shared();
        aliceOnA = GraphQlHttp.at(TwoInstances.port(instances.a)).header("Authorization",
                "Bearer " + issue("Alice"));
        bobOnB = GraphQlHttp.at(TwoInstances.port(instances.b)).header("Authorization", "Bearer " + issue("Bob"));
    }

    @Test
    void twoEditorsOnDifferentInstancesSeeEachOther() {
        String article = draft("presence-both");

        assertThat(names(aliceOnA.document("editing/startEditing", Map.of("articleId", article)), "startEditing"))
                .containsExactly("Alice");
        assertThat(names(bobOnB.document("editing/startEditing", Map.of("articleId", article)), "startEditing"))
                .containsExactly("Alice", "Bob");

        assertThat(editingNow(aliceOnA, article)).containsExactly("Alice", "Bob");
        assertThat(editingNow(bobOnB, article)).containsExactly("Alice", "Bob");
        assertThat(GraphQlHttp.at(TwoInstances.port(instances.a)).document("editing/startEditing",
                Map.of("articleId", article)).firstErrorCode()).isEqualTo("UNAUTHENTICATED");

        bobOnB.document("editing/stopEditing", Map.of("articleId", article));
        assertThat(editingNow(aliceOnA, article)).containsExactly("Alice");
    }

    @Test
    void presenceLapsesSixtySecondsAfterTheLastHeartbeat() {
        String article = draft("presence-lapse");
        aliceOnA.document("editing/startEditing", Map.of("articleId", article));
        bobOnB.document("editing/startEditing", Map.of("articleId", article));

        instances.clock.advance(Duration.ofSeconds(30));
        aliceOnA.document("editing/startEditing", Map.of("articleId", article)); // Alice's heartbeat; Bob is quiet
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
        Flux<Map> events = watcher.documentName("editing/articleChanged").variable("id", article)
                .executeSubscription().toFlux("articleChanged", Map.class).cache();
        events.subscribe();
        awaitSubscription();

        aliceOnA.document("editing/startEditing", Map.of("articleId", article));
        Map started = events.blockFirst(Duration.ofSeconds(5));
        instances.clock.advance(Duration.ofSeconds(61));
        instances.a.getBean(PresenceService.class).sweep();
        List<Map> both = events.take(2).collectList().block(Duration.ofSeconds(5));
        watcher.stop().block();

        assertThat(started).containsEntry("kind", "EDITING");
        assertThat((List<Map>) started.get("editingNow")).extracting(m -> m.get("editorName")).containsExactly("Alice");
        assertThat(both.get(1)).containsEntry("kind", "EDITING");
        assertThat((List<Map>) both.get(1).get("editingNow")).isEmpty();
    }

    private static void awaitSubscription() {
        var updates = instances.b.getBean(dev.broadsheet.live.LiveUpdates.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!updates.watches() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static String draft(String stem) {
        Response created = aliceOnA.document("article/editing/create", Map.of("input", Map.of(
                "slug", stem + "-" + System.nanoTime(), "title", "Quay lights", "section", "news")));
        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        return created.data("createArticle.id").asString();
    }

    private static List<String> editingNow(GraphQlHttp client, String article) {
        return names(client.document("editing/editingNow", Map.of("id", article)), "article.editingNow");
    }

    private static List<String> names(Response response, String path) {
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        JsonNode list = response.data(path);
        return list.valueStream().map(node -> node.path("editorName").asString()).toList();
    }

    private static String issue(String name) {
        Response response = GraphQlHttp.at(TwoInstances.port(instances.a))
                .header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN)
                .query("mutation($name: String!) { createApiToken(name: $name, role: EDITOR) { secret } }",
                        Map.of("name", name));
        return response.data("createApiToken.secret").asString();
    }
}
