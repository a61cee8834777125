package dev.broadsheet.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.VersionedUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class ArticleStore {

    private static final int DUPLICATE_KEY = 11000;
    private static final Bson PUBLISHED = eq("status", ArticleStatus.PUBLISHED.name());
    private static final Document NEWEST_FIRST = new Document("publishedAt", -1).append("_id", -1);

    private final MongoCollection<Document> articles;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final VersionedUpdate versioned;

    ArticleStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, VersionedUpdate versioned) {
        this.versioned = versioned;
        this.articles = database.getCollection("articles");
        this.sequence = sequence;
        this.changes = changes;
        articles.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
        articles.createIndex(new Document("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("section", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("status", 1).append("updatedAt", -1).append("_id", -1));
        articles.createIndex(new Document("tags", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("authorIds", 1).append("status", 1).append("publishedAt", -1).append("_id", -1));
        articles.createIndex(new Document("previousSlugs", 1));
    }

    /** The newest published article that once had {@code slug} (redirects after a slug change). */
    Optional<Article> findPublishedByPreviousSlug(String slug) {
        return Optional.ofNullable(articles.find(and(eq("previousSlugs", slug), PUBLISHED)).sort(NEWEST_FIRST).first())
                .map(ArticleDocuments::fromDocument);
    }

    /** Any article, whatever its status, that has or once had {@code slug}; the current slug wins. */
    Optional<Article> findAnyBySlugOrPrevious(String slug) {
        return findBySlug(slug).or(() -> Optional.ofNullable(articles.find(eq("previousSlugs", slug))
                .sort(new Document("updatedAt", -1)).first()).map(ArticleDocuments::fromDocument));
    }

    /** Articles written before authors were entities: by-lines embedded, no author ids (see {@code BylineMigration}). */
    List<Article> findWithoutAuthorIds(int limit) {
        return list(articles.find(and(com.mongodb.client.model.Filters.exists("authorIds", false),
                com.mongodb.client.model.Filters.exists("authors.name", true))).limit(limit));
    }

    /** Sets the author ids of an article that has none yet (idempotent; a reader-visible write). */
    void setAuthorIds(String id, List<String> authorIds) {
        long seq = sequence.next();
        articles.updateOne(and(eq("_id", id), com.mongodb.client.model.Filters.exists("authorIds", false)),
                Updates.combine(Updates.set("authorIds", authorIds), Updates.set("seq", seq)));
        changes.written("articles", id, seq);
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
        return list(articles.find(and(in("_id", ids), PUBLISHED)));
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
        if (after != null) {
            Date time = Date.from(after.time());
            filters.add(or(lt("publishedAt", time), and(eq("publishedAt", time), lt("_id", after.id()))));
        }
        return list(articles.find(and(filters)).sort(NEWEST_FIRST).limit(limit));
    }

    void save(Article article) {
        long seq = sequence.next();
        articles.replaceOne(eq("_id", article.id()), ArticleDocuments.toDocument(article).append("seq", seq),
                new ReplaceOptions().upsert(true));
        changes.written("articles", article.id(), seq);
    }

    void incrementCommentCount(String articleId, int delta) {
        long seq = sequence.next();
        articles.updateOne(eq("_id", articleId), Updates.combine(Updates.inc("commentCount", delta), Updates.set("seq", seq)));
        changes.written("articles", articleId, seq);
    }

    /** Stores a new article; a slug already taken is a VALIDATION error on {@code input.slug}. */
    void insert(Article article) {
        long seq = sequence.next();
        try {
            articles.insertOne(ArticleDocuments.toDocument(article).append("seq", seq));
        } catch (MongoException e) {
            throw slugClashOr(e);
        }
        changes.written("articles", article.id(), seq);
    }

    /** Applies {@code changes} if the article is still at {@code expectedVersion} (else VERSION_CONFLICT). */
    Article update(String id, long expectedVersion, List<Bson> changes) {
        try {
            return ArticleDocuments.fromDocument(versioned.apply(articles, id, expectedVersion, changes));
        } catch (MongoException e) {
            throw slugClashOr(e);
        }
    }

    /** Articles of any status, most recently changed first (the editors' desk). */
    List<Article> findEditorialPage(ArticleStatus status, String section, Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        if (section != null) {
            filters.add(eq("section", section));
        }
        if (after != null) {
            Date time = Date.from(after.time());
            filters.add(or(lt("updatedAt", time), and(eq("updatedAt", time), lt("_id", after.id()))));
        }
        return list(articles.find(filters.isEmpty() ? new Document() : and(filters))
                .sort(new Document("updatedAt", -1).append("_id", -1)).limit(limit));
    }

    /** Scheduled articles whose time has come, oldest first. */
    List<Article> findDue(Instant now, int limit) {
        return list(articles.find(and(eq("status", ArticleStatus.SCHEDULED.name()), lte("publishedAt", Date.from(now))))
                .sort(new Document("publishedAt", 1)).limit(limit));
    }

    private static RuntimeException slugClashOr(MongoException e) {
        if (e.getCode() == DUPLICATE_KEY) {
            return ApiException.validation("input.slug", "This slug is already used by another article");
        }
        return e;
    }

    private Optional<Article> first(Bson filter) {
        return Optional.ofNullable(articles.find(filter).first()).map(ArticleDocuments::fromDocument);
    }

    private static List<Article> list(Iterable<Document> docs) {
        List<Article> found = new ArrayList<>();
        docs.forEach(doc -> found.add(ArticleDocuments.fromDocument(doc)));
        return found;
    }
}
