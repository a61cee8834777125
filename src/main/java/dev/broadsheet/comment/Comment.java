package dev.broadsheet.comment;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A reader comment, stored flat: its thread position is {@code parentId}, {@code ancestorIds} (root
 * first) and {@code depth} (0 for a comment on the article itself).
 *
 * @param body       sanitised HTML
 * @param replyCount direct replies shown in the thread: published ones, and removed placeholders that
 *                   still carry shown replies
 * @param replyToId  the comment the reader answered; differs from {@code parentId} when the depth cap
 *                   attached the reply higher up
 * @param heldFor    why the comment waits for a moderator, or null
 * @param history    every moderation step, oldest first
 * @param likeCount  readers' likes, one per reader key (kept with {@code $inc} from {@code comment_reactions})
 * @param staff      posted with an editor's token, under the editor's display name
 *
 * <p>Stored by the driver's record codec. The counters and flags are boxed so that a comment stored
 * before they existed reads back (at 0, false); a missing {@code replyToId} is the {@code parentId}.
 */
public record Comment(
        @BsonId String id,
        String articleId,
        String parentId,
        List<String> ancestorIds,
        Integer depth,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        Integer replyCount,
        String replyToId,
        HoldReason heldFor,
        Integer reportCount,
        List<Report> reports,
        List<ModerationStep> history,
        Integer likeCount,
        Boolean staff) {

    public Comment {
        ancestorIds = ancestorIds == null ? List.of() : ancestorIds;
        depth = depth == null ? 0 : depth;
        replyCount = replyCount == null ? 0 : replyCount;
        replyToId = replyToId == null ? parentId : replyToId;
        reportCount = reportCount == null ? 0 : reportCount;
        reports = reports == null ? List.of() : reports;
        history = history == null ? List.of() : history;
        likeCount = likeCount == null ? 0 : likeCount;
        staff = staff != null && staff;
    }

    /** A reader's comment with no likes yet (the shape before reactions and staff replies). */
    public Comment(String id, String articleId, String parentId, List<String> ancestorIds, int depth,
            String authorName, String body, CommentStatus status, Instant createdAt, int replyCount,
            String replyToId, HoldReason heldFor, int reportCount, List<Report> reports, List<ModerationStep> history) {
        this(id, articleId, parentId, ancestorIds, depth, authorName, body, status, createdAt, replyCount, replyToId,
                heldFor, reportCount, reports, history, 0, false);
    }

    /** A comment without moderation state, as sample content and imports create it. */
    public Comment(String id, String articleId, String parentId, List<String> ancestorIds, int depth,
            String authorName, String body, CommentStatus status, Instant createdAt, int replyCount) {
        this(id, articleId, parentId, ancestorIds, depth, authorName, body, status, createdAt, replyCount,
                parentId, null, 0, List.of(), List.of());
    }

    public boolean isVisible() {
        return status == CommentStatus.PUBLISHED;
    }

    /** Shown in the thread: published, or removed but kept as a placeholder for its shown replies. */
    public boolean isShown() {
        return isShown(status, replyCount);
    }

    static boolean isShown(CommentStatus status, int replyCount) {
        return status == CommentStatus.PUBLISHED || (status == CommentStatus.REMOVED && replyCount > 0);
    }

    /** What readers get: a removed comment keeps its place in the thread, without author or body. */
    Comment asSeenByReaders() {
        if (status != CommentStatus.REMOVED) {
            return this;
        }
        return new Comment(id, articleId, parentId, ancestorIds, depth, null, null, status, createdAt, replyCount,
                replyToId, null, 0, List.of(), List.of(), likeCount, false);
    }

    /** A reader's report: when and why (the reporter is kept only as a hashed key in the store). */
    public record Report(Instant at, String reason) {
    }

    /** One moderation decision: who, when, from which status to which, and why. */
    public record ModerationStep(String actorId, String actorName, Instant at, ModerationAction action,
            CommentStatus from, CommentStatus to, String reason) {
    }
}
