package dev.broadsheet.article;

import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Updates;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow: drafts, saves with revisions, publishing, scheduling, archiving and restoring.
 * Each save is one conditional update of the article (the commit point), followed by its revision and
 * an audit entry.
 */
@Service
class ArticleEditing {

    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

    private final ArticleStore store;
    private final RevisionStore revisions;
    private final ArticleInputs inputs;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    ArticleEditing(ArticleStore store, RevisionStore revisions, ArticleInputs inputs, Callers callers, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.revisions = revisions;
        this.inputs = inputs;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    Article create(ArticleInput input) {
        Caller editor = callers.require(Role.EDITOR);
        inputs.requireForCreate(input);
        Instant now = clock.instant();
        Article blank = new Article(new ObjectId().toHexString(), null, null, null, null, List.of(), List.of(),
                ArticleStatus.DRAFT, null, now, 1, null, List.of(), CommentMode.OPEN, false, 0);
        Article article = inputs.merge(blank, input);
        String summary = inputs.revisionSummary(input);
        store.insert(article);
        revisions.record(article, editor.id(), editor.name(), summary == null ? "Created" : summary);
        audit.record(editor, "createArticle", "article", article.id(), article.version());
        return article;
    }

    Article update(String id, long expectedVersion, ArticleInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        Article merged = inputs.merge(current, input);
        String summary = inputs.revisionSummary(input);
        List<Bson> changes = new ArrayList<>();
        ArticleDocuments.contentFields(merged).forEach((field, value) -> changes.add(set(field, value)));
        return save(editor, "updateArticle", current, expectedVersion, changes, summary == null ? "Edited" : summary);
    }

    Article publish(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        Instant now = clock.instant();
        Instant publishedAt = current.publishedAt() != null && !current.publishedAt().isAfter(now)
                ? current.publishedAt() : now;
        return save(editor, "publishArticle", current, expectedVersion, List.of(
                set("status", ArticleStatus.PUBLISHED.name()), set("publishedAt", Date.from(publishedAt))), "Published");
    }

    Article unpublish(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        if (current.status() != ArticleStatus.PUBLISHED && current.status() != ArticleStatus.SCHEDULED) {
            throw ApiException.validation("id", "Only a published or scheduled article can be unpublished");
        }
        return save(editor, "unpublishArticle", current, expectedVersion,
                List.of(set("status", ArticleStatus.DRAFT.name())), "Unpublished");
    }

    Article schedule(String id, long expectedVersion, Instant publishAt) {
        Caller editor = callers.require(Role.EDITOR);
        Instant now = clock.instant();
        if (publishAt == null || !publishAt.isAfter(now) || publishAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiException.validation("publishAt", "publishAt must be in the future, within a year");
        }
        Article current = current(id);
        if (current.status() == ArticleStatus.PUBLISHED) {
            throw ApiException.validation("id", "The article is already published: unpublish it first");
        }
        return save(editor, "scheduleArticle", current, expectedVersion, List.of(
                set("status", ArticleStatus.SCHEDULED.name()), set("publishedAt", Date.from(publishAt))),
                "Scheduled for " + publishAt);
    }

    Article archive(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        return save(editor, "archiveArticle", current(id), expectedVersion,
                List.of(set("status", ArticleStatus.ARCHIVED.name())), "Archived");
    }

    Article setCommentMode(String id, long expectedVersion, CommentMode mode) {
        Caller editor = callers.require(Role.EDITOR);
        if (mode == null) {
            throw ApiException.validation("mode", "mode is required");
        }
        return save(editor, "setCommentMode", current(id), expectedVersion,
                List.of(set("commentMode", mode.name())), "Comments " + mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Adds a public, dated correction note; the article's dateModified becomes its time. */
    Article addCorrection(String id, long expectedVersion, Correction.Kind kind, String text) {
        Caller editor = callers.require(Role.EDITOR);
        if (kind == null) {
            throw ApiException.validation("input.kind", "kind is required");
        }
        String note = dev.broadsheet.api.Inputs.requireText("input.text", text, 2000).strip();
        Instant now = clock.instant();
        Document correction = new Document("kind", kind.name()).append("text", note).append("at", Date.from(now));
        return save(editor, "addCorrection", current(id), expectedVersion,
                List.of(Updates.push("corrections", correction)), kind.name().charAt(0)
                        + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " added");
    }

    /** Brings back the content of an earlier revision (not its status or slug) as a new revision. */
    Article restore(String id, long revision, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        ArticleRevision old = revisions.find(id, revision)
                .orElseThrow(() -> ApiException.validation("revision", "Article " + id + " has no revision " + revision));
        Article restored = old.article();
        List<Bson> changes = new ArrayList<>();
        ArticleDocuments.contentFields(restored).forEach((field, value) -> {
            if (!field.equals("slug") && !field.equals("previousSlugs")) {
                changes.add(set(field, value));
            }
        });
        return save(editor, "restoreArticleRevision", current, expectedVersion, changes, "Restored revision " + revision);
    }

    Optional<Article> preview(String slug, String id) {
        callers.require(Role.EDITOR);
        if (id != null) {
            return store.findById(id).filter(article -> slug == null || slug.equals(article.slug()));
        }
        return slug == null ? Optional.empty() : store.findBySlug(slug);
    }

    Connection<Article> desk(ArticleStatus status, String section, Integer first, String after) {
        callers.require(Role.EDITOR);
        PageRequest page = PageRequest.of(first, after, 20);
        return Connection.of(store.findEditorialPage(status, section, page.after(), page.fetchSize()), page.size(),
                page.after() != null, article -> Cursor.of(article.updatedAt(), article.id()).encode());
    }

    Connection<ArticleRevision> revisions(Article article, Integer first, String after) {
        callers.require(Role.EDITOR);
        PageRequest page = PageRequest.of(first, after, 20);
        return Connection.of(revisions.page(article.id(), page.after(), page.fetchSize()), page.size(),
                page.after() != null, rev -> new Cursor(rev.revision(), rev.articleId()).encode());
    }

    /** Publishes scheduled articles whose time has come; safe to run on every instance at once. */
    int publishDue(Caller scheduler) {
        int published = 0;
        for (Article due : store.findDue(clock.instant(), 100)) {
            try {
                save(scheduler, "publishScheduled", due, due.version(),
                        List.of(set("status", ArticleStatus.PUBLISHED.name())), "Published on schedule");
                published++;
            } catch (ApiException e) {
                // Another instance published it first, or an editor changed it since: nothing to do now.
            }
        }
        return published;
    }

    private Article save(Caller editor, String action, Article current, long expectedVersion, List<Bson> changes,
            String summary) {
        if (!revisions.exists(current.id(), current.version())) {
            revisions.record(current, "unknown", "unknown", "Recovered");
        }
        List<Bson> update = new ArrayList<>(changes);
        update.add(Updates.set("updatedAt", Date.from(clock.instant())));
        Article saved = store.update(current.id(), expectedVersion, update);
        revisions.record(saved, editor.id(), editor.name(), summary);
        audit.record(editor, action, "article", saved.id(), saved.version());
        return saved;
    }

    private Article current(String id) {
        return store.findById(id).orElseThrow(() -> ApiException.notFound("No article " + id));
    }
}
