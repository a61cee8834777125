package dev.broadsheet.comment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Updates;
import dev.broadsheet.graphql.Cursor;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class CommentStore {

    private static final Bson VISIBLE = eq("status", CommentStatus.PUBLISHED.name());
    private static final Document OLDEST_FIRST = new Document("createdAt", 1).append("_id", 1);

    private final MongoCollection<Document> comments;
    private final Sequence sequence;
    private final ChangeEvents changes;

    CommentStore(MongoDatabase database, Sequence sequence, ChangeEvents changes) {
        this.changes = changes;
        this.comments = database.getCollection("comments");
        this.sequence = sequence;
        comments.createIndex(new Document("articleId", 1).append("depth", 1).append("status", 1)
                .append("createdAt", 1).append("_id", 1));
        comments.createIndex(new Document("parentId", 1).append("status", 1).append("createdAt", 1).append("_id", 1));
    }

    Optional<Comment> findById(String id) {
        return Optional.ofNullable(comments.find(eq("_id", id)).first()).map(CommentStore::fromDocument);
    }

    Map<String, Comment> findByIds(Collection<String> ids) {
        Map<String, Comment> found = new HashMap<>();
        comments.find(in("_id", ids)).forEach(doc -> found.put(doc.getString("_id"), fromDocument(doc)));
        return found;
    }

    /**
     * Visible children of several owners (articles' top-level comments, or comments' replies), oldest
     * first, at most {@code limit} per owner after {@code after}: one command whatever the number of
     * owners.
     */
    Map<String, List<Comment>> findVisibleChildren(ThreadPageKey.Owner owner, Collection<String> ownerIds,
            Cursor after, int limit) {
        String ownerField = owner == ThreadPageKey.Owner.ARTICLE ? "articleId" : "parentId";
        List<Bson> filters = new ArrayList<>(List.of(in(ownerField, ownerIds), VISIBLE));
        if (owner == ThreadPageKey.Owner.ARTICLE) {
            filters.add(eq("depth", 0));
        }
        if (after != null) {
            Date time = Date.from(after.time());
            filters.add(or(gt("createdAt", time), and(eq("createdAt", time), gt("_id", after.id()))));
        }
        Map<String, List<Comment>> byOwner = new HashMap<>();
        if (ownerIds.size() == 1) {
            List<Comment> page = new ArrayList<>();
            comments.find(and(filters)).sort(OLDEST_FIRST).limit(limit).forEach(doc -> page.add(fromDocument(doc)));
            byOwner.put(ownerIds.iterator().next(), page);
            return byOwner;
        }
        List<Bson> pipeline = List.of(
                Aggregates.match(and(filters)),
                Aggregates.sort(OLDEST_FIRST),
                new Document("$group", new Document("_id", "$" + ownerField)
                        .append("items", new Document("$push", "$$ROOT"))),
                new Document("$project", new Document("items", new Document("$slice", List.of("$items", limit)))));
        for (Document group : comments.aggregate(pipeline)) {
            byOwner.put(group.getString("_id"),
                    group.getList("items", Document.class).stream().map(CommentStore::fromDocument).toList());
        }
        return byOwner;
    }

    /** Stores a comment; a visible reply bumps its parent's counter in the same breath. */
    void insert(Comment comment) {
        long seq = sequence.next();
        comments.insertOne(toDocument(comment).append("seq", seq));
        changes.written("comments", comment.id(), seq);
        if (comment.parentId() != null && comment.isVisible()) {
            long parentSeq = sequence.next();
            comments.updateOne(eq("_id", comment.parentId()),
                    Updates.combine(Updates.inc("replyCount", 1), Updates.set("seq", parentSeq)));
            changes.written("comments", comment.parentId(), parentSeq);
        }
    }

    private static Document toDocument(Comment comment) {
        return new Document("_id", comment.id())
                .append("articleId", comment.articleId())
                .append("parentId", comment.parentId())
                .append("ancestorIds", comment.ancestorIds())
                .append("depth", comment.depth())
                .append("authorName", comment.authorName())
                .append("body", comment.body())
                .append("status", comment.status().name())
                .append("createdAt", Date.from(comment.createdAt()))
                .append("replyCount", comment.replyCount());
    }

    private static Comment fromDocument(Document doc) {
        return new Comment(doc.getString("_id"), doc.getString("articleId"), doc.getString("parentId"),
                doc.getList("ancestorIds", String.class, List.of()), doc.getInteger("depth", 0),
                doc.getString("authorName"), doc.getString("body"),
                CommentStatus.valueOf(doc.getString("status")), doc.getDate("createdAt").toInstant(),
                doc.getInteger("replyCount", 0));
    }
}
