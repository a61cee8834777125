package dev.broadsheet.comment;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Posting: input cleaned and checked before anything is written, idempotent retries, the depth cap,
 * rate limits for readers, and holding for moderation. The insert is the commit point; counters follow.
 */
@Service
class CommentPosting {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    private static final int MAX_ID_LENGTH = 128;

    private final CommentStore store;
    private final CommentCounters counters;
    private final ArticleService articles;
    private final PostingLimits limits;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;
    private final CommentProperties properties;
    private final Pattern heldWords;
    /** Tests stop here to play a crash between the insert (the commit point) and the counters. */
    volatile Runnable afterInsert = () -> { };
    private final ConcurrentMap<String, CompletableFuture<Comment>> inFlight = new ConcurrentHashMap<>();

    CommentPosting(CommentStore store, CommentCounters counters, ArticleService articles, PostingLimits limits,
            Callers callers, AuditLog audit, Clock clock, CommentProperties properties) {
        this.store = store;
        this.counters = counters;
        this.articles = articles;
        this.limits = limits;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.heldWords = wordPattern(properties.heldWords());
    }

    private record Placement(String parentId, List<String> ancestorIds, int depth, String replyToId) {
    }

    /**
     * Idempotency comes before every limit: a retry with a key already stored returns that comment; one
     * with a key being posted right now on this instance waits for that post and returns its comment.
     * Neither is counted against any limit.
     */
    Comment post(PostCommentInput input, String clientAddress) {
        String key = idempotencyKey(input.idempotencyKey());
        if (key == null) {
            return postOnce(input, clientAddress, null);
        }
        while (true) {
            Comment earlier = store.findByIdempotencyKey(key).orElse(null);
            if (earlier != null) {
                return replay(earlier, input);
            }
            CompletableFuture<Comment> mine = new CompletableFuture<>();
            CompletableFuture<Comment> first = inFlight.putIfAbsent(key, mine);
            if (first == null) {
                try {
                    Comment posted = postOnce(input, clientAddress, key);
                    mine.complete(posted);
                    return posted;
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(key, mine);
                }
            }
            Comment theirs = awaitFirst(first);
            if (theirs != null) {
                return replay(theirs, input);
            }
            // The first attempt failed without storing anything: this retry posts on its own.
        }
    }

    private static Comment awaitFirst(CompletableFuture<Comment> first) {
        try {
            return first.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the first attempt with this idempotencyKey", e);
        }
    }

    private Comment postOnce(PostCommentInput input, String clientAddress, String key) {
        Caller caller = callers.current();
        String articleId = requireId("articleId", input.articleId());
        String name = caller.isStaff() ? staffName(caller)
                : CommentText.cleanLine("authorName", input.authorName(), properties.maxAuthorNameLength(), true);
        if (name.indexOf('<') >= 0 || name.indexOf('>') >= 0) {
            throw ApiException.validation("authorName", "authorName may not contain < or >");
        }
        String text = CommentText.cleanMultiline("body", input.body(), properties.maxBodyLength(), true);
        Article article = articles.findPublishedById(articleId).orElseThrow(() -> new ApiException(
                ErrorCode.NOT_FOUND, "No published article with that id", Map.of("field", "articleId")));
        if (article.commentMode() == CommentMode.CLOSED) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Comments are closed on this article",
                    Map.of("reason", "COMMENTS_CLOSED"));
        }
        Placement placement = placement(article.id(), input.parentId());
        Instant now = clock.instant();
        Provenance provenance = new Provenance(key, Fingerprints.of(CommentText.folded(text)),
                Fingerprints.client(clientAddress), CommentText.folded(name));
        if (!caller.isStaff()) {
            try {
                // The repeat check first: a refused repeat should not also cost the reader their next post.
                refuseRepeatedText(provenance, now);
                limits.take(provenance.clientKey(), provenance.authorKey());
            } catch (ApiException limited) {
                // Another instance may have stored this key meanwhile: a retry is never limited.
                Comment earlier = key == null ? null : store.findByIdempotencyKey(key).orElse(null);
                if (earlier == null) {
                    throw limited;
                }
                return replay(earlier, input);
            }
        }
        CommentHtml.Rendered body = CommentHtml.render(text);
        HoldReason held = caller.isStaff() ? null : holdReason(article, body, text);
        CommentStatus status = held == null ? CommentStatus.PUBLISHED : CommentStatus.PENDING;
        Comment comment = new Comment(new ObjectId().toHexString(), article.id(), placement.parentId(),
                placement.ancestorIds(), placement.depth(), name, body.html(), status, now, 0, placement.replyToId(),
                held, 0, List.of(), List.of(), 0, caller.isStaff());
        CounterMark mark = CounterMark.created(comment);
        if (!store.insert(comment, provenance, ModerationQueue.of(status, held), mark)) {
            // A concurrent retry with the same key won the insert.
            return replay(store.findByIdempotencyKey(key).orElseThrow(), input);
        }
        afterInsert.run();
        counters.apply(comment, mark);
        audit.record(caller, "postComment", "comment", comment.id(), 0);
        return comment;
    }

    /** Staff replies carry the editor's display name (the token's or JWT's name), never a typed one. */
    private String staffName(Caller caller) {
        String name = caller.name() == null ? "" : caller.name().strip();
        name = name.replace("<", "").replace(">", "");
        return name.isEmpty() ? "Staff" : name.substring(0, Math.min(name.length(), properties.maxAuthorNameLength()));
    }

    private Placement placement(String articleId, String parentId) {
        if (parentId == null) {
            return new Placement(null, List.of(), 0, null);
        }
        Comment parent = store.findById(requireId("parentId", parentId)).filter(Comment::isVisible)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                        "The comment you reply to does not exist or is no longer shown", Map.of("field", "parentId")));
        if (!parent.articleId().equals(articleId)) {
            throw ApiException.validation("parentId", "parentId is a comment on another article");
        }
        List<String> chain = new ArrayList<>(parent.ancestorIds());
        chain.add(parent.id());
        int depth = Math.min(chain.size(), Math.max(1, properties.maxDepth()));
        return new Placement(chain.get(depth - 1), List.copyOf(chain.subList(0, depth)), depth, parent.id());
    }

    private HoldReason holdReason(Article article, CommentHtml.Rendered body, String text) {
        if (article.commentMode() == CommentMode.PREMODERATED) {
            return HoldReason.PREMODERATED;
        }
        if (body.hasLinks()) {
            return HoldReason.LINKS;
        }
        if (heldWords != null && heldWords.matcher(CommentText.folded(text)).find()) {
            return HoldReason.WORDS;
        }
        return null;
    }

    private void refuseRepeatedText(Provenance provenance, Instant now) {
        Duration window = properties.rateLimit().sameTextWindow();
        store.lastSameText(provenance.fingerprint(), provenance.clientKey(), provenance.authorKey(), now.minus(window))
                .ifPresent(at -> {
                    long wait = Duration.between(now, at.plus(window)).toSeconds();
                    throw PostingLimits.rateLimited("You posted this text already; post something new", wait);
                });
    }

    /** The same key again: the stored comment, unless the key was used for a different article. */
    private static Comment replay(Comment earlier, PostCommentInput input) {
        if (!earlier.articleId().equals(input.articleId())) {
            throw ApiException.validation("idempotencyKey", "idempotencyKey was already used for another comment");
        }
        return earlier.asSeenByReaders();
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.validation("idempotencyKey",
                    "idempotencyKey must be 8 to 128 letters, digits or _.:- (a UUID is ideal)");
        }
        return key;
    }

    private static String requireId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw ApiException.validation(field, field + " is not an id");
        }
        return id;
    }

    private static Pattern wordPattern(List<String> words) {
        String alternatives = words.stream().map(CommentText::folded).filter(word -> !word.isEmpty())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }
}
