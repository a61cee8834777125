package dev.broadsheet.comment;

import dev.broadsheet.comment.Comment.ModerationStep;
import dev.broadsheet.comment.Comment.Report;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps comments to and from BSON; nothing outside the store sees a {@link Document}. */
final class CommentDocuments {

    private CommentDocuments() {
    }

    /**
     * Where a new comment came from, kept for idempotent retries and duplicate checks, never served.
     *
     * @param idempotencyKey the client's key, or null
     * @param fingerprint    a hash of the folded text
     * @param clientKey      a hash of the client address, or null
     * @param authorKey      the folded author name
     */
    record Provenance(String idempotencyKey, String fingerprint, String clientKey, String authorKey) {
    }

    static Document toDocument(Comment comment, Provenance provenance, ModerationQueue queue) {
        Document doc = new Document("_id", comment.id())
                .append("articleId", comment.articleId())
                .append("parentId", comment.parentId())
                .append("ancestorIds", comment.ancestorIds())
                .append("depth", comment.depth())
                .append("authorName", comment.authorName())
                .append("body", comment.body())
                .append("status", comment.status().name())
                .append("createdAt", Date.from(comment.createdAt()))
                .append("replyCount", comment.replyCount())
                .append("replyToId", comment.replyToId())
                .append("heldFor", comment.heldFor() == null ? null : comment.heldFor().name())
                .append("reportCount", 0)
                .append("queue", queue == null ? null : queue.name())
                .append("likeCount", comment.likeCount())
                .append("staff", comment.staff());
        if (provenance != null) {
            // Absent rather than null: the sparse unique index ignores comments without a key.
            if (provenance.idempotencyKey() != null) {
                doc.append("idempotencyKey", provenance.idempotencyKey());
            }
            doc.append("fingerprint", provenance.fingerprint())
                    .append("clientKey", provenance.clientKey())
                    .append("authorKey", provenance.authorKey());
        }
        return doc;
    }

    static Document toDocument(ModerationStep step) {
        return new Document("actorId", step.actorId())
                .append("actorName", step.actorName())
                .append("at", Date.from(step.at()))
                .append("action", step.action().name())
                .append("from", step.from().name())
                .append("to", step.to().name())
                .append("reason", step.reason());
    }

    static Document toDocument(Report report) {
        return new Document("at", Date.from(report.at())).append("reason", report.reason());
    }

    static Comment fromDocument(Document doc) {
        String held = doc.getString("heldFor");
        List<Report> reports = doc.getList("reports", Document.class, List.of()).stream()
                .map(r -> new Report(r.getDate("at").toInstant(), r.getString("reason"))).toList();
        List<ModerationStep> history = doc.getList("history", Document.class, List.of()).stream()
                .map(CommentDocuments::step).toList();
        return new Comment(doc.getString("_id"), doc.getString("articleId"), doc.getString("parentId"),
                doc.getList("ancestorIds", String.class, List.of()), doc.getInteger("depth", 0),
                doc.getString("authorName"), doc.getString("body"),
                CommentStatus.valueOf(doc.getString("status")), doc.getDate("createdAt").toInstant(),
                doc.getInteger("replyCount", 0), doc.containsKey("replyToId") ? doc.getString("replyToId") : doc.getString("parentId"),
                held == null ? null : HoldReason.valueOf(held), doc.getInteger("reportCount", 0), reports, history,
                doc.getInteger("likeCount", 0), doc.getBoolean("staff", false));
    }

    private static ModerationStep step(Document doc) {
        return new ModerationStep(doc.getString("actorId"), doc.getString("actorName"), doc.getDate("at").toInstant(),
                ModerationAction.valueOf(doc.getString("action")), CommentStatus.valueOf(doc.getString("from")),
                CommentStatus.valueOf(doc.getString("to")), doc.getString("reason"));
    }
}
