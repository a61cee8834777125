package dev.broadsheet.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.api.Cursor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per saved version of an article ({@code _id = articleId:version}). A revision is
 * written from the article as committed, so a losing concurrent save never leaves one behind; if the
 * process dies before it is written, the next save writes it from the stored article.
 */
@Repository
class RevisionStore {

    private final MongoCollection<Document> revisions;

    RevisionStore(MongoDatabase database) {
        this.revisions = database.getCollection("article_revisions");
        revisions.createIndex(new Document("articleId", 1).append("revision", -1));
    }

    /** Records {@code article} as its current version, unless that revision exists already. */
    void record(Article article, String byId, String byName, String summary) {
        try {
            revisions.insertOne(new Document("_id", article.id() + ":" + article.version())
                    .append("articleId", article.id())
                    .append("revision", article.version())
                    .append("at", Date.from(article.updatedAt()))
                    .append("byId", byId)
                    .append("byName", byName)
                    .append("summary", summary)
                    .append("article", ArticleDocuments.toDocument(article)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    boolean exists(String articleId, long revision) {
        return revisions.find(eq("_id", articleId + ":" + revision)).projection(new Document("_id", 1)).first() != null;
    }

    Optional<ArticleRevision> find(String articleId, long revision) {
        return Optional.ofNullable(revisions.find(eq("_id", articleId + ":" + revision)).first())
                .map(RevisionStore::fromDocument);
    }

    /** Revisions {@code revision} and the one before it (when they exist), newest first. */
    List<ArticleRevision> lastTwo(String articleId, long revision) {
        List<ArticleRevision> found = new ArrayList<>();
        revisions.find(in("_id", List.of(articleId + ":" + revision, articleId + ":" + (revision - 1))))
                .sort(new Document("revision", -1)).forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    /** Newest first, resuming after the revision named by {@code after}. */
    List<ArticleRevision> page(String articleId, Cursor after, int limit) {
        Bson filter = after == null ? eq("articleId", articleId)
                : and(eq("articleId", articleId), lt("revision", after.sortKey()));
        List<ArticleRevision> page = new ArrayList<>();
        revisions.find(filter).sort(new Document("revision", -1)).limit(limit)
                .forEach(doc -> page.add(fromDocument(doc)));
        return page;
    }

    private static ArticleRevision fromDocument(Document doc) {
        return new ArticleRevision(doc.getString("articleId"), ((Number) doc.get("revision")).longValue(),
                doc.getDate("at").toInstant(), doc.getString("byId"), doc.getString("byName"),
                doc.getString("summary"), ArticleDocuments.fromDocument(doc.get("article", Document.class)));
    }
}
