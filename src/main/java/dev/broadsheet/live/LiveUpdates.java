package dev.broadsheet.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.article.ArticleChangeEvent;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.comment.CommentService;
import dev.broadsheet.comment.ModerationItem;
import dev.broadsheet.security.Caller;
import dev.broadsheet.store.EntityChanged;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Turns the write sequence into live events for editors. Every instance sees every write as an
 * {@link EntityChanged} (its own at once, other instances' through the change follower), so a
 * subscriber hears about a change wherever it was made. Lookups happen only for articles and queues
 * someone watches, on one background thread, never in the writer's.
 */
@Component
public class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /** An article's revision is written just after the article: look again this often, this many times. */
    private static final long REVISION_RETRY_MILLIS = 50;
    private static final int REVISION_RETRIES = 40;

    private record Subscriber(String callerId, String sessionId, String articleId, boolean moderation,
            FluxSink<Object> sink) {
    }

    private final ArticleService articles;
    private final CommentService comments;
    private final LiveProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, String>> relays = new ConcurrentHashMap<>();
    /** The last version announced per watched article, so counter updates (no new version) stay quiet. */
    private final Cache<String, Long> announcedVersions = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, String> moderationStates = Caffeine.newBuilder().maximumSize(10_000).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates(ArticleService articles, CommentService comments, LiveProperties properties) {
        this.articles = articles;
        this.comments = comments;
        this.properties = properties;
    }

    /**
     * A feature whose documents in {@code collection} describe an article's editing state (who has it
     * open) registers here: a change there is announced as {@code articleChanged} of kind EDITING.
     */
    public void relayAsEditing(String collection, Function<String, String> articleIdOfDocument) {
        relays.put(collection, articleIdOfDocument);
    }

    Flux<Object> articleChanges(Caller caller, String sessionId, String articleId) {
        ArticleChangeEvent current = articles.latestChange(articleId).orElse(null);
        if (current == null && !articles.exists(articleId)) {
            throw ApiException.notFound("No article " + articleId);
        }
        if (current != null) {
            announcedVersions.asMap().merge(articleId, current.version(), Math::max);
        }
        return register(caller, sessionId, articleId, false);
    }

    Flux<Object> moderationChanges(Caller caller, String sessionId, String articleId) {
        return register(caller, sessionId, articleId, true);
    }

    /** Subscriptions open on this instance. */
    int subscriptions() {
        return subscribers.size();
    }

    /** Whether any article is watched on this instance (tests wait for it; a subscription registers a moment late). */
    public boolean watches() {
        return subscribers.stream().anyMatch(s -> !s.moderation());
    }

    /** Whether a WebSocket session holds any subscription (an idle one may be closed). */
    boolean hasSubscriptions(String sessionId) {
        return subscribers.stream().anyMatch(s -> sessionId.equals(s.sessionId()));
    }

    private synchronized Flux<Object> register(Caller caller, String sessionId, String articleId, boolean moderation) {
        long held = subscribers.stream().filter(s -> s.callerId().equals(caller.id())).count();
        if (held >= properties.maxSubscriptionsPerToken()) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "At most " + properties.maxSubscriptionsPerToken()
                    + " live subscriptions per token: close one first");
        }
        return Flux.create(sink -> {
            Subscriber subscriber = new Subscriber(caller.id(), sessionId, articleId, moderation, sink);
            subscribers.add(subscriber);
            sink.onDispose(() -> subscribers.remove(subscriber));
        }, FluxSink.OverflowStrategy.LATEST);
    }

    @EventListener
    void onChange(EntityChanged change) {
        String collection = change.collection();
        if ("articles".equals(collection)) {
            if (watched(change.id())) {
                executor.execute(() -> announceSave(change.id(), change.seq(), 0));
            }
        } else if ("comments".equals(collection)) {
            if (subscribers.stream().anyMatch(Subscriber::moderation)) {
                executor.execute(() -> announceModeration(change.id()));
            }
        } else {
            Function<String, String> relay = relays.get(collection);
            String articleId = relay == null ? null : relay.apply(change.id());
            if (articleId != null && watched(articleId)) {
                executor.execute(() -> announceEditing(articleId, change.seq()));
            }
        }
    }

    private boolean watched(String articleId) {
        return subscribers.stream().anyMatch(s -> !s.moderation() && articleId.equals(s.articleId()));
    }

    private void announceSave(String articleId, long seq, int attempt) {
        try {
            ArticleChangeEvent change = articles.latestChange(articleId).orElse(null);
            if (change == null) {
                if (attempt < REVISION_RETRIES) {
                    executor.schedule(() -> announceSave(articleId, seq, attempt + 1), REVISION_RETRY_MILLIS,
                            TimeUnit.MILLISECONDS);
                }
                return;
            }
            Long announced = announcedVersions.asMap().put(articleId, change.version());
            if (announced != null && announced >= change.version()) {
                announcedVersions.asMap().merge(articleId, announced, Math::max);
                return;
            }
            publishToArticle(articleId, new LiveEvents.ArticleChanged(articleId,
                    LiveEvents.Kind.valueOf(change.kind().name()), change.version(), change.status(),
                    new LiveEvents.By(change.byId(), change.byName()), change.at(), seq));
        } catch (RuntimeException e) {
            log.warn("Could not announce a change to article {}", articleId, e);
        }
    }

    private void announceEditing(String articleId, long seq) {
        try {
            articles.latestChange(articleId).ifPresent(change -> publishToArticle(articleId,
                    new LiveEvents.ArticleChanged(articleId, LiveEvents.Kind.EDITING, change.version(),
                            change.status(), null, null, seq)));
        } catch (RuntimeException e) {
            log.warn("Could not announce who edits article {}", articleId, e);
        }
    }

    private void announceModeration(String commentId) {
        try {
            ModerationItem item = comments.moderationItem(commentId).orElse(null);
            if (item == null) {
                return;
            }
            String state = item.queue() + ":" + item.steps();
            String before = moderationStates.asMap().put(commentId, state);
            boolean news = before == null ? item.queue() != null || item.steps() > 0 : !before.equals(state);
            if (!news) {
                return;
            }
            Object event = new LiveEvents.ModerationQueueChanged(item.commentId(), item.articleId(), item.queue(),
                    item.status());
            for (Subscriber subscriber : subscribers) {
                if (subscriber.moderation()
                        && (subscriber.articleId() == null || subscriber.articleId().equals(item.articleId()))) {
                    subscriber.sink().next(event);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not announce a moderation change to comment {}", commentId, e);
        }
    }

    private void publishToArticle(String articleId, Object event) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.moderation() && Objects.equals(subscriber.articleId(), articleId)) {
                subscriber.sink().next(event);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.sink().complete());
    }
}
