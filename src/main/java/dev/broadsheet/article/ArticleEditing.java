package dev.broadsheet.article;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import dev.broadsheet.store.DuplicateKeyException;
import dev.broadsheet.store.NoSuchDocumentException;
import dev.broadsheet.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
        try {
            store.insert(article);
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        revisions.record(article, editor.id(), editor.name(), summary == null ? "Created" : summary);
        audit.record(editor, "createArticle", "article", article.id(), article.version());
        return article;
    }

    Article update(String id, long expectedVersion, ArticleInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        Article merged = inputs.merge(current, input);
        String summary = inputs.revisionSummary(input);
        return save(editor, "updateArticle", current, summary == null ? "Edited" : summary,
                at -> store.updateContent(id, expectedVersion, merged, true, at));
    }

    Article publish(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        Instant now = clock.instant();
        Instant publishedAt = current.publishedAt() != null && !current.publishedAt().isAfter(now)
                ? current.publishedAt() : now;
        return save(editor, "publishArticle", current, "Published",
                at -> store.updateStatus(id, expectedVersion, ArticleStatus.PUBLISHED, publishedAt, at));
    }

    Article unpublish(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        if (current.status() != ArticleStatus.PUBLISHED && current.status() != ArticleStatus.SCHEDULED) {
            throw ApiException.validation("id", "Only a published or scheduled article can be unpublished");
        }
        return save(editor, "unpublishArticle", current, "Unpublished",
                at -> store.updateStatus(id, expectedVersion, ArticleStatus.DRAFT, null, at));
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
        return save(editor, "scheduleArticle", current, "Scheduled for " + publishAt,
                at -> store.updateStatus(id, expectedVersion, ArticleStatus.SCHEDULED, publishAt, at));
    }

    Article archive(String id, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        return save(editor, "archiveArticle", current(id), "Archived",
                at -> store.updateStatus(id, expectedVersion, ArticleStatus.ARCHIVED, null, at));
    }

    Article setCommentMode(String id, long expectedVersion, CommentMode mode) {
        Caller editor = callers.require(Role.EDITOR);
        if (mode == null) {
            throw ApiException.validation("mode", "mode is required");
        }
        return save(editor, "setCommentMode", current(id), "Comments " + mode.name().toLowerCase(java.util.Locale.ROOT),
                at -> store.updateCommentMode(id, expectedVersion, mode, at));
    }

    /** Adds a public, dated correction note; the article's dateModified becomes its time. */
    Article addCorrection(String id, long expectedVersion, Correction.Kind kind, String text) {
        Caller editor = callers.require(Role.EDITOR);
        if (kind == null) {
            throw ApiException.validation("input.kind", "kind is required");
        }
        String note = dev.broadsheet.api.Inputs.requireText("input.text", text, 2000).strip();
        String summary = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " added";
        return save(editor, "addCorrection", current(id), summary,
                at -> store.addCorrection(id, expectedVersion, new Correction(kind, note, at), at));
    }

    /** Brings back the content of an earlier revision (not its status or slug) as a new revision. */
    Article restore(String id, long revision, long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Article current = current(id);
        ArticleRevision old = revisions.find(id, revision)
                .orElseThrow(() -> ApiException.validation("revision", "Article " + id + " has no revision " + revision));
        return save(editor, "restoreArticleRevision", current, "Restored revision " + revision,
                at -> store.updateContent(id, expectedVersion, old.article(), false, at));
    }

    Optional<Article> preview(String slug, String id) {
        callers.require(Role.EDITOR);
        if (id != null) {
            return store.findById(id).filter(article -> slug == null || slug.equals(article.slug()));
        }
        return slug == null ? Optional.empty() : store.findBySlug(slug);
    }

    Connection<Article> desk(String query, ArticleStatus status, String section, String author, Integer first,
            String after) {
        callers.require(Role.EDITOR);
        List<String> words = EditorialSearch.words(query);
        PageRequest page = PageRequest.of(first, after, 20);
        return Connection.of(store.findEditorialPage(status, section, author, words, page.after(), page.fetchSize()),
                page.size(),
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
                save(scheduler, "publishScheduled", due, "Published on schedule",
                        at -> store.publishScheduled(due.id(), due.version(), at));
                published++;
            } catch (ApiException e) {
                // Another instance published it first, or an editor changed it since: nothing to do now.
            }
        }
        return published;
    }

    /** Runs {@code update} (given the time of the save), then records the revision and the audit entry. */
    private Article save(Caller editor, String action, Article current, String summary, Function<Instant, Article> update) {
        if (!revisions.exists(current.id(), current.version())) {
            revisions.record(current, "unknown", "unknown", "Recovered");
        }
        Article saved;
        try {
            saved = update.apply(clock.instant());
        } catch (VersionConflictException e) {
            throw ApiException.versionConflict(e.expectedVersion(), e.currentVersion());
        } catch (NoSuchDocumentException e) {
            throw ApiException.notFound("No article " + current.id());
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        revisions.record(saved, editor.id(), editor.name(), summary);
        audit.record(editor, action, "article", saved.id(), saved.version());
        return saved;
    }

    private static ApiException slugTaken() {
        return ApiException.validation("input.slug", "This slug is already used by another article");
    }

    private Article current(String id) {
        return store.findById(id).orElseThrow(() -> ApiException.notFound("No article " + id));
    }
}
