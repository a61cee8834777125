package dev.broadsheet.comment;

import dev.broadsheet.comment.Comment.ModerationStep;
import dev.broadsheet.comment.Comment.Report;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Editors' decisions on comments, readers' reports, and the queues editors work through. */
@Service
class CommentModeration {

    private final CommentStore store;
    private final CommentCounters counters;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;
    private final CommentProperties properties;

    CommentModeration(CommentStore store, CommentCounters counters, Callers callers, AuditLog audit, Clock clock,
            CommentProperties properties) {
        this.store = store;
        this.counters = counters;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Applies an editor's decision; the step is kept on the comment and in the audit log. */
    Comment moderate(String id, ModerationAction action, String reason) {
        Caller editor = callers.require(Role.EDITOR);
        if (action == null) {
            throw ApiException.validation("action", "action is required");
        }
        String why = CommentText.cleanMultiline("reason", reason, properties.maxReasonLength(), false);
        Comment after = null;
        for (int attempt = 0; after == null; attempt++) {
            Comment current = store.findById(id).orElseThrow(() -> ApiException.notFound("No comment with that id"));
            if (!action.appliesTo(current.status())) {
                throw ApiException.validation("action", "A " + current.status() + " comment cannot be given " + action);
            }
            ModerationStep step = new ModerationStep(editor.id(), editor.name(), clock.instant(), action,
                    current.status(), action.target(), why);
            // The counter effect is written with the step (as a mark), computed from the replyCount the step is conditional on.
            CounterMark mark = CounterMark.of(current.isVisible(), current.isShown(),
                    action.target() == CommentStatus.PUBLISHED, Comment.isShown(action.target(), current.replyCount()));
            after = store.transition(id, step, ModerationQueue.of(action.target(), current.heldFor()),
                    action == ModerationAction.APPROVE, current.replyCount(), mark).orElse(null);
            if (after != null) {
                counters.apply(after, mark);
            } else if (attempt >= 5 || store.findById(id).map(Comment::status).orElse(null) != current.status()) {
                throw new ApiException(ErrorCode.VERSION_CONFLICT, "Someone else moderated this comment first; reload it");
            }
        }
        audit.record(editor, "moderateComment:" + action, "comment", id, after.history().size());
        return after;
    }

    /**
     * A reader's report, counted once per reader (token, or client address); true when counted. At the
     * configured number of reports the comment enters the REPORTED queue.
     */
    boolean report(String id, String reason, String clientAddress) {
        Caller caller = callers.current();
        String why = CommentText.cleanMultiline("reason", reason, properties.maxReasonLength(), false);
        Comment comment = store.findById(id).filter(Comment::isVisible)
                .orElseThrow(() -> ApiException.notFound("No published comment with that id"));
        String reporter = caller.isAnonymous()
                ? (clientAddress == null ? "unknown-client" : Fingerprints.client(clientAddress))
                : Fingerprints.of("caller:" + caller.id());
        boolean counted = store.addReport(comment.id(), reporter, new Report(clock.instant(), why),
                Math.max(1, properties.reportThreshold()));
        audit.record(caller, "reportComment", "comment", comment.id(), 0);
        return counted;
    }

    Connection<Comment> queue(ModerationQueue queue, String articleId, Integer first, String after) {
        callers.require(Role.EDITOR);
        if (queue == null) {
            throw ApiException.validation("status", "status is required");
        }
        PageRequest page = CommentService.pageRequest(first, after, CommentOrder.OLDEST);
        List<Comment> rows = store.findQueued(queue, articleId, page.after(), page.fetchSize());
        return Connection.of(new java.util.ArrayList<>(rows), page.size(), page.after() != null,
                CommentOrder.OLDEST::cursorOf);
    }

    /** The moderation state of a comment, for editors only. */
    CommentModerationInfo info(Comment comment) {
        callers.require(Role.EDITOR);
        return new CommentModerationInfo(comment.heldFor(), comment.reportCount(), comment.reports(), comment.history());
    }

    record CommentModerationInfo(HoldReason heldFor, int reportCount, List<Report> reports,
            List<ModerationStep> history) {
    }
}
