package dev.broadsheet.comment;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.cache.ResponseCache;
import dev.broadsheet.api.Connection;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Thread pages (an article's top-level comments, a comment's replies) from memory. A write to a
 * comment drops the pages it can appear in or change: its article's top level, its ancestors' and its
 * own replies, and any page that shows it; then the cached responses holding its thread or its
 * article's comment count ({@code comment-thread:<articleId>}).
 */
@Component
class CommentThreadCache {

    private static final String COLLECTION = CommentStore.COLLECTION;

    private final ReadCache<ThreadPageKey, Connection<Comment>> pages;
    private final CommentStore store;
    private final CommentService comments;

    private final ResponseCache responses;

    CommentThreadCache(CommentService comments, CommentStore store, Caches caches, ChangeFollower follower,
            SurrogateKeys keys, ResponseCache responses) {
        this.store = store;
        this.responses = responses;
        this.comments = comments;
        this.pages = caches.create("comment.threadPages", key -> comments.loadPages(Set.of(key)).get(key),
                comments::loadPages);
        follower.follow(COLLECTION);
        keys.register("Comment", Comment.class, comment -> threadKey(comment.articleId()));
        responses.purgedByFeature(COLLECTION);
    }

    /** The surrogate key of an article's thread and comment count. */
    static String threadKey(String articleId) {
        return "comment-thread:" + articleId;
    }

    Map<ThreadPageKey, Connection<Comment>> pages(Collection<ThreadPageKey> keys, ThreadPrefetch prefetch) {
        return pages.getAll(keys, missing -> comments.loadPages(missing, prefetch));
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (!COLLECTION.equals(change.collection())) {
            return;
        }
        Optional<Comment> written = store.findById(change.id());
        if (written.isEmpty()) {
            pages.invalidateAll();
            responses.purgeAll();
            return;
        }
        Comment comment = written.get();
        Set<String> owners = new HashSet<>(comment.ancestorIds());
        owners.add(comment.id());
        pages.invalidateWhere((key, page) -> concerns(key, comment, owners)
                        || page.nodes().stream().anyMatch(node -> node.id().equals(comment.id())),
                key -> concerns(key, comment, owners));
        responses.purge(Set.of(threadKey(comment.articleId())));
    }

    private static boolean concerns(ThreadPageKey key, Comment comment, Set<String> owners) {
        return key.owner() == ThreadPageKey.Owner.ARTICLE
                ? key.ownerId().equals(comment.articleId())
                : owners.contains(key.ownerId());
    }
}
