package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Callers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A scheduled article goes live once at its time, with two schedulers (instances) racing for it. The
 * schedulers run on clocks of their own (an hour on), so nothing waits for wall-clock time.
 */
@ApiTest
class ScheduledPublishingTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleStore store;

    @Autowired
    RevisionStore revisions;

    @Autowired
    ArticleInputs inputs;

    @Autowired
    Callers callers;

    @Autowired
    AuditLog audit;

    @Test
    void aScheduledArticleIsPublishedOnceByTwoRacingSchedulers() throws Exception {
        Editorial editor = Editorial.as(port, EDITOR);
        String id = editor.createDraft(Editorial.uniqueSlug("scheduled")).path("id").asString();
        Instant publishAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        editor.schedule(id, 1, publishAt.toString());

        new ScheduledPublishing(editingAt(publishAt.minusSeconds(1))).publishDue();
        assertThat(Editorial.as(port, null).read(id).data("article").isNull()).as("not before its time").isTrue();
        ScheduledPublishing first = new ScheduledPublishing(editingAt(publishAt));
        ScheduledPublishing second = new ScheduledPublishing(editingAt(publishAt.plusMillis(1)));
        CompletableFuture.allOf(CompletableFuture.runAsync(first::publishDue),
                CompletableFuture.runAsync(second::publishDue)).get();

        var live = Editorial.as(port, null).read(id).data("article");
        assertThat(live.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(live.path("version").asInt()).as("created, scheduled, published: once").isEqualTo(3);
        assertThat(Instant.parse(live.path("publishedAt").asString())).isEqualTo(publishAt);
        List<String> actions = Tokens.client(port, Tokens.Role.ADMIN)
                .query("query($id: ID) { auditLog(entityId: $id) { edges { node { action actorName } } } }", Map.of("id", id))
                .data("auditLog.edges").findValuesAsString("action");
        assertThat(actions).containsExactly("publishScheduled", "scheduleArticle", "createArticle");
    }

    /** The editing workflow as it runs on an instance whose clock reads {@code now}. */
    private ArticleEditing editingAt(Instant now) {
        return new ArticleEditing(store, revisions, inputs, callers, audit, Clock.fixed(now, ZoneOffset.UTC));
    }
}
