package dev.broadsheet.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.DuplicateKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per saved version of an article ({@code _id = articleId:version}). A revision is
 * written from the article as committed, so a losing concurrent save never leaves one behind; if the
 * process dies before it is written, the next save writes it from the stored article.
 */
@Repository
class RevisionStore {

    static final String COLLECTION = "article_revisions";

    /** The stored shape of a revision. */
    public record Entry(@BsonId String id, String articleId, long revision, Instant at, String byId, String byName,
            String summary, Article article) {

        ArticleRevision toRevision() {
            return new ArticleRevision(articleId, revision, at, byId, byName, summary, article);
        }
    }

    private final MongoCollection<Entry> revisions;

    RevisionStore(MongoDatabase database) {
        this.revisions = Codecs.collection(database, COLLECTION, Entry.class, ArticleCodecs.BLOCKS);
        revisions.createIndex(new Document("articleId", 1).append("revision", -1));
    }

    /** Records {@code article} as its current version, unless that revision exists already. */
    void record(Article article, String byId, String byName, String summary) {
        try {
            DuplicateKeyException.translate(() -> revisions.insertOne(new Entry(key(article.id(), article.version()),
                    article.id(), article.version(), article.updatedAt(), byId, byName, summary, article)));
        } catch (DuplicateKeyException e) {
            // Recorded already (by a retry, or by the recovery in the next save).
        }
    }

    boolean exists(String articleId, long revision) {
        return revisions.withDocumentClass(Document.class).find(eq("_id", key(articleId, revision)))
                .projection(new Document("_id", 1)).first() != null;
    }

    Optional<ArticleRevision> find(String articleId, long revision) {
        return Optional.ofNullable(revisions.find(eq("_id", key(articleId, revision))).first()).map(Entry::toRevision);
    }

    /** Newest first, resuming after the revision named by {@code after}. */
    List<ArticleRevision> page(String articleId, Cursor after, int limit) {
        Bson filter = after == null ? eq("articleId", articleId)
                : and(eq("articleId", articleId), lt("revision", after.sortKey()));
        List<ArticleRevision> page = new ArrayList<>();
        revisions.find(filter).sort(new Document("revision", -1)).limit(limit).forEach(entry -> page.add(entry.toRevision()));
        return page;
    }

    private static String key(String articleId, long revision) {
        return articleId + ":" + revision;
    }
}
