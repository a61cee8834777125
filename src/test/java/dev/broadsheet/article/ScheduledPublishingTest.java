package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A scheduled article goes live once at its time, with two schedulers (instances) racing for it. */
@ApiTest
class ScheduledPublishingTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleEditing editing;

    @Test
    void aScheduledArticleIsPublishedOnceByTwoRacingSchedulers() throws Exception {
        Editorial editor = Editorial.as(port, EDITOR);
        String id = editor.createDraft(Editorial.uniqueSlug("scheduled")).path("id").asString();
        Instant publishAt = Instant.now().plusMillis(1500);
        editor.schedule(id, 1, publishAt.toString());
        ScheduledPublishing first = new ScheduledPublishing(editing);
        ScheduledPublishing second = new ScheduledPublishing(editing);

        first.publishDue();
        assertThat(Editorial.as(port, null).read(id).data("article").isNull()).as("not before its time").isTrue();
        while (Instant.now().isBefore(publishAt)) {
            Thread.sleep(100);
        }
        CompletableFuture.allOf(CompletableFuture.runAsync(first::publishDue),
                CompletableFuture.runAsync(second::publishDue)).get();

        var live = Editorial.as(port, null).read(id).data("article");
        assertThat(live.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(live.path("version").asInt()).as("created, scheduled, published: once").isEqualTo(3);
        assertThat(Instant.parse(live.path("publishedAt").asString())).isEqualTo(publishAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        List<String> actions = Tokens.client(port, Tokens.Role.ADMIN)
                .query("query($id: ID) { auditLog(entityId: $id) { edges { node { action actorName } } } }", Map.of("id", id))
                .data("auditLog.edges").findValuesAsString("action");
        assertThat(actions).containsExactly("publishScheduled", "scheduleArticle", "createArticle");
    }
}
