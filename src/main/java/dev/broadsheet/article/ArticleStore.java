package dev.broadsheet.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.MongoCommandCounter;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code articles} collection. Writes that break the unique slug index throw the store's
 * {@code DuplicateKeyException}; versioned updates its {@code VersionConflictException}.
 */
@Repository
class ArticleStore {

    static final String COLLECTION = "articles";
    /** Counter operations already applied to an article (BSON {@code countOps}), newest last. */
    private static final String COUNT_OPS = "countOps";
    private static final int KEPT_COUNT_OPS = 100;

    /**
     * What {@link #updateContent} leaves alone: workflow state, counters, the id and the corrections (appended
     * by {@link #addCorrection} only, so no edit or restored revision can drop one).
     */
    private static final Set<String> NOT_CONTENT = Set.of("status", "publishedAt", "updatedAt", "version",
            "commentCount", "corrections");
    /** As above, and the slug with the slugs it had before (a restored revision keeps today's address). */
    private static final Set<String> NOT_CONTENT_OR_SLUG = Set.of("status", "publishedAt", "updatedAt", "version",
            "commentCount", "corrections", "slug", "previousSlugs");
    private static final Bson PUBLISHED = eq("status", ArticleStatus.PUBLISHED);

    private final MongoCollection<Article> articles;
    private final StampedWrites writes;
    private final VersionedUpdate versioned;

    ArticleStore(MongoDatabase database, StampedWrites writes, VersionedUpdate versioned) {
        this.articles = Codecs.collection(database, COLLECTION, Article.class, ArticleCodecs.BLOCKS);
        this.writes = writes;
        this.versioned = versioned;
        articles.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
        articles.createIndex(new Document("seq", 1));
        articles.createIndex(new Document("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("section", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("status", 1).append("updatedAt", -1).append("_id", -1));
        articles.createIndex(new Document("tags", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("authorIds", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("previousSlugs", 1));
    }

    /** The newest published article that once had {@code slug} (redirects after a slug change). */
    Optional<Article> findPublishedByPreviousSlug(String slug) {
        return Optional.ofNullable(articles.find(and(eq("previousSlugs", slug), PUBLISHED))
                .sort(new Document("publishedAt", -1).append("_id", -1)).first());
    }

    /** Any article, whatever its status, that has or once had {@code slug}; the current slug wins. */
    Optional<Article> findAnyBySlugOrPrevious(String slug) {
        return findBySlug(slug).or(() -> Optional.ofNullable(articles.find(eq("previousSlugs", slug))
                .sort(new Document("updatedAt", -1)).first()));
    }

    /** Articles written before authors were entities: by-lines embedded, no author ids (see {@code BylineMigration}). */
    List<Article> findWithoutAuthorIds(int limit) {
        return articles.find(and(Filters.exists("authorIds", false), Filters.exists("authors.name", true)))
                .limit(limit).into(new ArrayList<>());
    }

    /** Sets the author ids of an article that has none yet (idempotent; a reader-visible write). */
    void setAuthorIds(String id, List<String> authorIds) {
        writes.updateWhere(articles, id, Filters.exists("authorIds", false), set("authorIds", authorIds));
    }

    /** Appends a public correction if still at {@code expectedVersion} (a save of its own, not content). */
    Article addCorrection(String id, long expectedVersion, Correction correction, Instant at) {
        return versioned.apply(articles, id, expectedVersion,
                List.of(Updates.push("corrections", correction), set("updatedAt", at)));
    }

    Optional<Article> findById(String id) {
        return first(eq("_id", id));
    }

    Optional<Article> findBySlug(String slug) {
        return first(eq("slug", slug));
    }

    Optional<Article> findPublishedBySlug(String slug) {
        return first(and(eq("slug", slug), PUBLISHED));
    }

    Optional<Article> findPublishedById(String id) {
        return first(and(eq("_id", id), PUBLISHED));
    }

    List<Article> findPublishedByIds(Collection<String> ids) {
        return articles.find(and(in("_id", ids), PUBLISHED)).into(new ArrayList<>());
    }

    /** Published articles newest first, resuming after {@code after}, optionally in a section or with a tag. */
    List<Article> findPublishedPage(String section, String tag, Cursor after, int limit) {
        return findPublishedPage(section, tag, null, after, limit);
    }

    /** As above, also narrowed to articles by the author {@code authorId} when given. */
    List<Article> findPublishedPage(String section, String tag, String authorId, Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(PUBLISHED));
        if (authorId != null) {
            filters.add(eq("authorIds", authorId));
        }
        if (section != null) {
            filters.add(eq("section", section));
        }
        if (tag != null) {
            filters.add(eq("tags", tag));
        }
        return newestFirst("publishedAt", filters, after, limit);
    }

    /** Articles of any status whose last change has a sequence number in {@code (after, upTo]}, in order. */
    List<ArticleChange> findChanged(long after, long upTo, int limit) {
        List<ArticleChange> found = new ArrayList<>();
        articles.withDocumentClass(BsonDocument.class).find(and(Filters.gt("seq", after), lte("seq", upTo)))
                .sort(new Document("seq", 1)).limit(limit)
                .forEach(doc -> found.add(new ArticleChange(Codecs.decode(articles, doc), doc.getNumber("seq").longValue())));
        return found;
    }

    /**
     * Adds {@code delta} to {@code commentCount} once per {@code op}: the update is conditional on the op not
     * being among the last ones applied, and records it, so re-running it after a crash changes nothing.
     */
    void applyCommentCount(String articleId, int delta, String op) {
        writes.updateWhere(articles, articleId, ne(COUNT_OPS, op), Updates.combine(Updates.inc("commentCount", delta),
                Updates.pushEach(COUNT_OPS, List.of(op), new PushOptions().slice(-KEPT_COUNT_OPS))));
    }

    /** Sets {@code commentCount} as recounted from the comments themselves; false when there is no such article. */
    boolean setCommentCount(String articleId, int count) {
        return writes.updateWhere(articles, articleId, new Document(), set("commentCount", count));
    }

    /**
     * Articles of any status, most recently changed first (the editors' desk), optionally narrowed by
     * an author's name and a title/slug search ({@link EditorialSearch}).
     */
    List<Article> findEditorialPage(ArticleStatus status, String section, String author, List<String> words,
            Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (author != null) {
            filters.add(eq("authors.name", author));
        }
        Bson search = EditorialSearch.filter(words);
        if (search != null) {
            filters.add(search);
        }
        if (status != null) {
            filters.add(eq("status", status));
        }
        if (section != null) {
            filters.add(eq("section", section));
        }
        return newestFirst("updatedAt", filters, after, limit);
    }

    /** Scheduled articles whose time has come, oldest first (a background query: not a request's command). */
    List<Article> findDue(Instant now, int limit) {
        return articles.find(and(eq("status", ArticleStatus.SCHEDULED), lte("publishedAt", now)))
                .sort(new Document("publishedAt", 1)).limit(limit).comment(MongoCommandCounter.BACKGROUND)
                .into(new ArrayList<>());
    }

    void save(Article article) {
        writes.upsert(articles, article.id(), article);
    }

    /** Stores a new article; a slug already taken is a {@code DuplicateKeyException}. */
    void insert(Article article) {
        writes.insert(articles, article.id(), article);
    }


    /** Replaces what editors write (and the slug only if {@code withSlug}) if still at {@code expectedVersion}. */
    Article updateContent(String id, long expectedVersion, Article content, boolean withSlug, Instant at) {
        List<Bson> changes = new ArrayList<>(Codecs.setAll(articles, content, withSlug ? NOT_CONTENT : NOT_CONTENT_OR_SLUG));
        changes.add(set("updatedAt", at));
        return versioned.apply(articles, id, expectedVersion, changes);
    }

    /** Moves the article to {@code status}, setting {@code publishedAt} unless it is null. */
    Article updateStatus(String id, long expectedVersion, ArticleStatus status, Instant publishedAt, Instant at) {
        List<Bson> changes = new ArrayList<>(List.of(set("status", status), set("updatedAt", at)));
        if (publishedAt != null) {
            changes.add(set("publishedAt", publishedAt));
        }
        return versioned.apply(articles, id, expectedVersion, changes);
    }

    /** Publishes a scheduled article if it is still scheduled and at {@code expectedVersion}. */
    Article publishScheduled(String id, long expectedVersion, Instant at) {
        return versioned.apply(articles, id, expectedVersion, eq("status", ArticleStatus.SCHEDULED),
                List.of(set("status", ArticleStatus.PUBLISHED), set("updatedAt", at)));
    }

    Article updateCommentMode(String id, long expectedVersion, CommentMode mode, Instant at) {
        return versioned.apply(articles, id, expectedVersion, List.of(set("commentMode", mode), set("updatedAt", at)));
    }

    /** A page of the articles matching {@code filters}, newest {@code timeField} first, resuming after {@code after}. */
    private List<Article> newestFirst(String timeField, List<Bson> filters, Cursor after, int limit) {
        List<Bson> all = new ArrayList<>(filters);
        if (after != null) {
            all.add(or(lt(timeField, after.time()), and(eq(timeField, after.time()), lt("_id", after.id()))));
        }
        return articles.find(all.isEmpty() ? new Document() : and(all))
                .sort(new Document(timeField, -1).append("_id", -1)).limit(limit).into(new ArrayList<>());
    }

    private Optional<Article> first(Bson filter) {
        return Optional.ofNullable(articles.find(filter).first());
    }
}
