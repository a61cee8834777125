package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Callers;
import dev.broadsheet.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A scheduled article goes live once at its time, with two schedulers (instances) racing for it. The
 * schedulers run on clocks of their own (an hour after the application's Clock), so nothing waits for time.
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

    @Autowired
    Clock clock;

    @Test
    void aScheduledArticleIsPublishedOnceByTwoRacingSchedulers() throws Exception {
        Editorial editor = Editorial.as(port, EDITOR);
        String id = editor.draftId(Editorial.uniqueSlug("scheduled"));
        Instant publishAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        editor.schedule(id, 1, publishAt.toString()).errors().verify();

        new ScheduledPublishing(editingAt(publishAt.minusSeconds(1))).publishDue();
        Editorial.as(port, null).read(id).errors().verify().path("article").valueIsNull(); // not before its time
        ScheduledPublishing first = new ScheduledPublishing(editingAt(publishAt));
        ScheduledPublishing second = new ScheduledPublishing(editingAt(publishAt.plusMillis(1)));
        CompletableFuture.allOf(CompletableFuture.runAsync(first::publishDue),
                CompletableFuture.runAsync(second::publishDue)).get();

        GraphQlTester.Response live = Editorial.as(port, null).read(id);
        live.path("article.status").entity(String.class).isEqualTo("PUBLISHED");
        assertThat(live.path("article.version").entity(Integer.class).get()).as("created, scheduled, published: once")
                .isEqualTo(3);
        assertThat(Instant.parse(live.path("article.publishedAt").entity(String.class).get())).isEqualTo(publishAt);
        Editorial.tester(port, Tokens.Role.ADMIN).documentName("article/auditActions").variable("id", id).execute()
                .path("auditLog.edges[*].node.action").entityList(String.class)
                .containsExactly("publishScheduled", "scheduleArticle", "createArticle");
    }

    /**
     * On the embedded store a scheduler's find can return the article as another scheduler has just published
     * it (version 3) although it matched while still scheduled; publishing "version 3" must then change nothing.
     */
    @Test
    void aSchedulerHoldingThePublishedVersionDoesNotPublishAgain() {
        Editorial editor = Editorial.as(port, EDITOR);
        String id = editor.draftId(Editorial.uniqueSlug("published-once"));
        editor.schedule(id, 1, clock.instant().plus(Duration.ofHours(2)).toString()).errors().verify();
        Article published = store.publishScheduled(id, 2, clock.instant());

        assertThatThrownBy(() -> store.publishScheduled(id, published.version(), clock.instant()))
                .isInstanceOf(VersionConflictException.class);
        Editorial.as(port, null).read(id).path("article.version").entity(Integer.class).isEqualTo(3);
    }

    /** The editing workflow as it runs on an instance whose clock reads {@code now}. */
    private ArticleEditing editingAt(Instant now) {
        return new ArticleEditing(store, revisions, inputs, callers, audit, Clock.fixed(now, ZoneOffset.UTC));
    }
}
