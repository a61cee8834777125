package dev.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Readers' likes. The reaction document (one per reader key and comment) is the commit point, so a
 * reader counts once however often or concurrently they ask; the comment's {@code likeCount} follows
 * with an atomic {@code $inc}, and a sweeper recounts any comment whose reaction a crash left uncounted.
 */
@Service
class CommentReactions {

    private static final Pattern READER_KEY = Pattern.compile("[A-Za-z0-9_.:=+/-]{8,128}");
    private static final int SWEEP_BATCH = 200;

    private final CommentStore comments;
    private final ReactionStore reactions;
    private final Callers callers;
    private final Clock clock;
    private final ReactionProperties properties;
    private final Cache<String, Bucket> buckets;

    CommentReactions(CommentStore comments, ReactionStore reactions, Callers callers, Clock clock,
            ReactionProperties properties) {
        this.comments = comments;
        this.reactions = reactions;
        this.callers = callers;
        this.clock = clock;
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(properties.period().plusMinutes(1)).build();
    }

    /** Adds the reader's reaction once; returns the comment with its count. */
    Comment react(String commentId, CommentReaction.Reaction reaction, String readerKey, String clientAddress) {
        if (commentId == null || commentId.isBlank() || commentId.length() > 128) {
            throw ApiException.validation("id", "id is required");
        }
        if (reaction == null) {
            throw ApiException.validation("reaction", "reaction is required");
        }
        if (readerKey == null || !READER_KEY.matcher(readerKey).matches()) {
            throw ApiException.validation("readerKey", "readerKey must be 8 to 128 letters, digits or _.:=+/- "
                    + "(e.g. a hash of a first-party cookie)");
        }
        Comment comment = comments.findById(commentId).filter(Comment::isVisible)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No published comment with that id",
                        Map.of("field", "id")));
        String id = CommentReaction.idOf(commentId, Fingerprints.of("reader:" + readerKey), reaction);
        if (reactions.exists(id)) {
            return comment;
        }
        Caller caller = callers.current();
        if (!caller.isStaff()) {
            take(Fingerprints.client(clientAddress));
        }
        CommentReaction stored = new CommentReaction(id, commentId, Fingerprints.of("reader:" + readerKey), reaction,
                clock.instant(), false);
        if (!reactions.insert(stored)) {
            return comments.findById(commentId).orElse(comment);
        }
        comments.incrementLikes(commentId, 1);
        reactions.markCounted(id);
        return comments.findById(commentId).orElse(comment);
    }

    /** Recounts the comments of reactions a crash left uncounted, from the reactions themselves. */
    @Scheduled(fixedDelayString = "${broadsheet.reactions.sweep-interval:PT1M}")
    void sweep() {
        for (CommentReaction left : reactions.uncounted(clock.instant().minus(properties.sweepAfter()), SWEEP_BATCH)) {
            comments.setLikes(left.commentId(), reactions.count(left.commentId(), CommentReaction.Reaction.LIKE));
            reactions.markAllCounted(left.commentId());
        }
    }

    private void take(String clientKey) {
        if (clientKey == null) {
            return;
        }
        Bucket bucket = buckets.get(clientKey, key -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(properties.perClient()).refillGreedy(properties.perClient(), properties.period()).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1));
            throw PostingLimits.rateLimited("Too many reactions; wait " + Math.max(1, seconds) + " s", seconds);
        }
    }
}
