package dev.broadsheet.comment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.comment.Comment.ModerationStep;
import dev.broadsheet.comment.Comment.Report;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.MongoCommandCounter;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.StampedWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The only code that touches the {@code comments} collection. A comment is stored by the record codec;
 * beside it the document carries what readers never see: its {@link Provenance}, its moderation
 * {@code queue}, reporter keys, the {@link CounterMark} and the applied counter operations.
 */
@Repository
class CommentStore {

    /** Shown in a thread: published, or a removed placeholder that still has shown replies. */
    private static final Bson SHOWN = or(eq("status", CommentStatus.PUBLISHED.name()),
            and(eq("status", CommentStatus.REMOVED.name()), gt("replyCount", 0)));
    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    /** Reports kept per comment: enough to judge, bounded so a flood cannot grow the document. */
    private static final int MAX_REPORTS = 100;
    /** Counter operations already applied to a comment's replyCount (BSON {@code countOps}), newest last. */
    private static final String COUNT_OPS = "countOps";
    private static final int KEPT_COUNT_OPS = 100;

    static final String COLLECTION = "comments";

    private final MongoCollection<Comment> comments;
    private final MongoCollection<ModerationStep> steps;
    private final MongoCollection<Report> reports;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final StampedWrites writes;

    CommentStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, StampedWrites writes) {
        this.changes = changes;
        this.comments = Codecs.collection(database, COLLECTION, Comment.class);
        this.sequence = sequence;
        this.writes = writes;
        this.steps = comments.withDocumentClass(ModerationStep.class);
        this.reports = comments.withDocumentClass(Report.class);
        comments.createIndex(new Document("articleId", 1).append("depth", 1).append("status", 1)
                .append("createdAt", 1).append("_id", 1));
        comments.createIndex(new Document("parentId", 1).append("status", 1).append("createdAt", 1).append("_id", 1));
        comments.createIndex(new Document("queue", 1).append("createdAt", 1).append("_id", 1));
        comments.createIndex(new Document("fingerprint", 1).append("createdAt", -1));
        // Sparse, not partial: the embedded server treats partial unique indexes as full ones.
        comments.createIndex(new Document("idempotencyKey", 1), new IndexOptions().unique(true).sparse(true));
        comments.createIndex(new Document(CounterMark.FIELD + ".op", 1), new IndexOptions().sparse(true));
        // The minute's sweep for reported comments (queueReported) reads only the few with reports, not
        // every comment outside a queue (non-unique: the embedded server ignores it and scans).
        comments.createIndex(new Document("reportCount", 1),
                new IndexOptions().partialFilterExpression(new Document("reportCount", new Document("$gt", 0))));
    }

    Optional<Comment> findById(String id) {
        return ById.find(comments, id);
    }

    Map<String, Comment> findByIds(Collection<String> ids) {
        return ById.findAll(comments, ids, Comment::id);
    }

    Optional<Comment> findByIdempotencyKey(String key) {
        return Optional.ofNullable(comments.find(eq("idempotencyKey", key)).first());
    }

    /** When the same text was last posted from this client address or under this name, since {@code since}. */
    Optional<Instant> lastSameText(String fingerprint, String clientKey, String authorKey, Instant since) {
        Bson who = clientKey == null ? eq("authorKey", authorKey) : or(eq("clientKey", clientKey), eq("authorKey", authorKey));
        Document found = comments.withDocumentClass(Document.class).find(and(eq("fingerprint", fingerprint), gte("createdAt", Date.from(since)), who))
                .sort(new Document("createdAt", -1)).projection(Projections.include("createdAt")).first();
        return Optional.ofNullable(found).map(doc -> doc.getDate("createdAt").toInstant());
    }

    /**
     * Shown children of several owners (articles' top-level comments, or comments' replies) in
     * {@code order}, at most {@code limit} per owner after {@code after}: one command whatever the number
     * of owners.
     */
    Map<String, List<Comment>> findShownChildren(ThreadPageKey.Owner owner, Collection<String> ownerIds,
            CommentOrder order, Cursor after, int limit) {
        String ownerField = owner == ThreadPageKey.Owner.ARTICLE ? "articleId" : "parentId";
        List<Bson> filters = new ArrayList<>(List.of(in(ownerField, ownerIds), SHOWN));
        if (owner == ThreadPageKey.Owner.ARTICLE) {
            filters.add(eq("depth", 0));
        }
        if (after != null) {
            filters.add(after(order, after));
        }
        Map<String, List<Comment>> byOwner = new HashMap<>();
        if (ownerIds.size() == 1) {
            List<Comment> page = new ArrayList<>();
            comments.find(and(filters)).sort(order.sort()).limit(limit).into(page);
            byOwner.put(ownerIds.iterator().next(), page);
            return byOwner;
        }
        List<Bson> pipeline = List.of(
                Aggregates.match(and(filters)),
                Aggregates.sort(order.sort()),
                new Document("$group", new Document("_id", "$" + ownerField)
                        .append("items", new Document("$push", "$$ROOT"))),
                new Document("$project", new Document("items", new Document("$slice", List.of("$items", limit)))));
        for (BsonDocument group : comments.aggregate(pipeline, BsonDocument.class)) {
            byOwner.put(group.getString("_id").getValue(), group.getArray("items").stream()
                    .map(item -> Codecs.decode(comments, item.asDocument())).toList());
        }
        return byOwner;
    }

    /** Every comment readers can see in these articles' threads, down to {@code maxDepth}: one command. */
    List<Comment> findShownThreads(Collection<String> articleIds, int maxDepth) {
        List<Comment> found = new ArrayList<>();
        // One batch for the whole thread: MongoDB's default first batch (101 documents) would add a getMore.
        comments.find(and(in("articleId", articleIds), SHOWN, lte("depth", maxDepth))).batchSize(ThreadPrefetch.MAX_COMMENTS + 1)
                .into(found);
        return found;
    }

    /** One moderation queue, oldest first, optionally for one article. */
    List<Comment> findQueued(ModerationQueue queue, String articleId, Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("queue", queue.name())));
        if (articleId != null) {
            filters.add(eq("articleId", articleId));
        }
        if (after != null) {
            filters.add(after(CommentOrder.OLDEST, after));
        }
        List<Comment> rows = new ArrayList<>();
        comments.find(and(filters)).sort(CommentOrder.OLDEST.sort()).limit(limit).into(rows);
        return rows;
    }

    /**
     * Stores a new comment, carrying {@code mark} until its counters are applied; false when its
     * idempotency key is already taken (nothing written).
     */
    boolean insert(Comment comment, Provenance provenance, ModerationQueue queue, CounterMark mark) {
        long seq = sequence.next();
        try {
            comments.withDocumentClass(BsonDocument.class).insertOne(document(comment, provenance, queue)
                    .append("seq", new BsonInt64(seq)).append(CounterMark.FIELD, mark.toBson()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && provenance != null
                    && provenance.idempotencyKey() != null) {
                return false;
            }
            throw e;
        }
        changes.written(COLLECTION, comment.id(), seq);
        return true;
    }

    /**
     * Adds {@code delta} to a comment's shown replies unless {@code op} was applied already; returns the
     * comment as it is afterwards either way.
     */
    Optional<Comment> incrementReplies(String id, int delta, String op) {
        long seq = sequence.next();
        Comment updated = comments.findOneAndUpdate(and(eq("_id", id), ne(COUNT_OPS, op)),
                Updates.combine(Updates.inc("replyCount", delta),
                        Updates.pushEach(COUNT_OPS, List.of(op), new PushOptions().slice(-KEPT_COUNT_OPS)),
                        Updates.set("seq", seq)), RETURN_AFTER);
        if (updated == null) {
            return findById(id);
        }
        changes.written(COLLECTION, id, seq);
        return Optional.of(updated);
    }

    /** The counters took {@code op}: the comment is counted. */
    void clearMark(String id, String op) {
        comments.updateOne(and(eq("_id", id), eq(CounterMark.FIELD + ".op", op)), Updates.unset(CounterMark.FIELD));
    }

    /** Comments whose counters a crash may have left unapplied (normally only those being posted right now). */
    Map<Comment, CounterMark> findUncounted(int limit) {
        Map<Comment, CounterMark> found = new java.util.LinkedHashMap<>();
        comments.withDocumentClass(BsonDocument.class).find(exists(CounterMark.FIELD + ".op")).limit(limit)
                .comment(MongoCommandCounter.BACKGROUND).forEach(doc -> {
            found.put(Codecs.decode(comments, doc), CounterMark.fromBson(doc.getDocument(CounterMark.FIELD)));
        });
        return found;
    }

    /** Drops the article's "not yet counted" marks: a recount from the comments supersedes them. */
    void clearMarks(String articleId) {
        comments.updateMany(and(eq("articleId", articleId), exists(CounterMark.FIELD + ".op")), Updates.unset(CounterMark.FIELD));
    }

    /** Every comment on an article, whatever its status (recounting). */
    List<Comment> findAllOnArticle(String articleId) {
        List<Comment> found = new ArrayList<>();
        comments.find(eq("articleId", articleId)).into(found);
        return found;
    }

    /** Sets a recounted {@code replyCount}; true when it differed. */
    boolean setReplyCount(String id, int count) {
        return writes.updateWhere(comments, id, ne("replyCount", count), Updates.set("replyCount", count));
    }

    /** Puts published comments with {@code threshold} reports or more in the REPORTED queue (repair; background). */
    long queueReported(int threshold) {
        return comments.updateMany(and(eq("status", CommentStatus.PUBLISHED.name()), eq("queue", null),
                gte("reportCount", threshold)), Updates.set("queue", ModerationQueue.REPORTED.name()),
                new UpdateOptions().comment(MongoCommandCounter.BACKGROUND)).getModifiedCount();
    }

    /** The comment as the record codec stores it, with its queue (null included) and provenance beside it. */
    private BsonDocument document(Comment comment, Provenance provenance, ModerationQueue queue) {
        BsonDocument doc = Codecs.encode(comments, comment);
        // Written even when null: eq("queue", null) picks the comments out of every queue.
        doc.put("queue", queue == null ? BsonNull.VALUE : new BsonString(queue.name()));
        if (provenance != null) {
            provenance.addTo(doc);
        }
        return doc;
    }

    /**
     * Moves a comment from {@code step.from()} to {@code step.to()} and records the step, in one
     * update, with the counter effect as a {@link CounterMark}; empty when the comment is no longer in
     * {@code step.from()} or its {@code replyCount} moved.
     */
    Optional<Comment> transition(String id, ModerationStep step, ModerationQueue queue, boolean clearReports,
            int replyCount, CounterMark mark) {
        long seq = sequence.next();
        List<Bson> update = new ArrayList<>(List.of(
                Updates.set("status", step.to().name()),
                Updates.set("queue", queue == null ? null : queue.name()),
                Updates.push("history", Codecs.encode(steps, step)),
                Updates.set(CounterMark.FIELD, mark.toBson()),
                Updates.set("seq", seq)));
        if (clearReports) {
            update.add(Updates.set("reportCount", 0));
        }
        // replyCount in the filter: the counter effect written with the step was computed from it.
        Comment updated = comments.findOneAndUpdate(and(eq("_id", id), eq("status", step.from().name()),
                eq("replyCount", replyCount)), Updates.combine(update), RETURN_AFTER);
        if (updated == null) {
            return Optional.empty();
        }
        changes.written(COLLECTION, id, seq);
        return Optional.of(updated);
    }

    /**
     * Counts a report once per reporter on a published comment; at {@code threshold} reports the
     * comment enters the REPORTED queue. False when the report was not counted.
     */
    boolean addReport(String id, String reporterKey, Report report, int threshold) {
        Comment updated = comments.findOneAndUpdate(
                and(eq("_id", id), eq("status", CommentStatus.PUBLISHED.name()), ne("reporterKeys", reporterKey),
                        lt("reportCount", MAX_REPORTS)),
                Updates.combine(Updates.addToSet("reporterKeys", reporterKey), Updates.inc("reportCount", 1),
                        Updates.push("reports", Codecs.encode(reports, report))),
                RETURN_AFTER);
        if (updated == null) {
            return false;
        }
        if (updated.reportCount() >= threshold) {
            comments.updateOne(and(eq("_id", id), eq("queue", null), eq("status", CommentStatus.PUBLISHED.name())),
                    Updates.set("queue", ModerationQueue.REPORTED.name()));
        }
        return true;
    }

    /** Adds {@code delta} likes (an atomic {@code $inc}, stamped like every visible write). */
    void incrementLikes(String id, int delta) {
        writes.update(comments, id, Updates.inc("likeCount", delta));
    }

    /** Sets the like count recounted from the reactions (repairs what a crash left unapplied). */
    void setLikes(String id, int likes) {
        writes.update(comments, id, Updates.set("likeCount", likes));
    }

    private static Bson after(CommentOrder order, Cursor after) {
        if (order == CommentOrder.MOST_REPLIES || order == CommentOrder.MOST_LIKED) {
            String field = order == CommentOrder.MOST_REPLIES ? "replyCount" : "likeCount";
            int count = (int) after.sortKey();
            return or(lt(field, count), and(eq(field, count), gt("_id", after.id())));
        }
        Date time = Date.from(after.time());
        if (order == CommentOrder.NEWEST) {
            return or(lt("createdAt", time), and(eq("createdAt", time), lt("_id", after.id())));
        }
        return or(gt("createdAt", time), and(eq("createdAt", time), gt("_id", after.id())));
    }
}
