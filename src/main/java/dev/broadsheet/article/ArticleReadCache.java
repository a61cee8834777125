package dev.broadsheet.article;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.cache.ResponseCache;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Published articles from memory: by id, by slug, and the latest-articles pages. Any write to an
 * article drops its entries, the slugs that found nothing (it may have just been published) and every
 * latest page (its order or membership may have changed). Then it purges the cached responses the
 * write reaches ({@link #keysOf}): only the thread's count when only the comment count moved.
 */
@Component
class ArticleReadCache {

    private static final String COLLECTION = ArticleStore.COLLECTION;

    record LatestKey(String section, String tag, String authorId, Cursor after, int limit) {
    }

    private final ReadCache<String, Optional<Article>> byId;
    private final ReadCache<String, Optional<Article>> bySlug;
    private final ReadCache<LatestKey, List<Article>> latest;

    private final ArticleStore store;
    private final ResponseCache responses;

    ArticleReadCache(ArticleStore store, Caches caches, ChangeFollower follower, SurrogateKeys keys,
            ResponseCache responses) {
        this.store = store;
        this.responses = responses;
        byId = caches.createOptional("article.byId", store::findPublishedById, ids -> {
            Map<String, Article> found = new HashMap<>();
            store.findPublishedByIds(ids).forEach(article -> found.put(article.id(), article));
            return found;
        });
        // An old slug finds the article too (the reader is redirected); the current slug wins.
        bySlug = caches.create("article.bySlug",
                slug -> store.findPublishedBySlug(slug).or(() -> store.findPublishedByPreviousSlug(slug)));
        latest = caches.create("article.latest",
                key -> List.copyOf(store.findPublishedPage(key.section(), key.tag(), key.authorId(), key.after(), key.limit())));
        follower.follow(COLLECTION);
        keys.register("Article", Article.class, article -> key(article.id()));
        responses.purgedByFeature(COLLECTION);
    }

    static String key(String id) {
        return "article:" + id;
    }

    static String slugKey(String slug) {
        return "slug:" + slug;
    }

    /** The keys of latest-article lists a published article can appear in. */
    static List<String> listKeys(String section, String tag) {
        if (section == null && tag == null) {
            return List.of("list:all");
        }
        List<String> keys = new java.util.ArrayList<>(2);
        if (section != null) {
            keys.add("list:section:" + section);
        }
        if (tag != null) {
            keys.add("list:tag:" + tag);
        }
        return keys;
    }

    Optional<Article> byId(String id) {
        return byId.get(id);
    }

    Optional<Article> bySlug(String slug) {
        return bySlug.get(slug);
    }

    Map<String, Article> byIds(Collection<String> ids) {
        return ReadCache.present(byId, ids);
    }

    List<Article> latest(String section, String tag, String authorId, Cursor after, int limit) {
        return latest.get(new LatestKey(section, tag, authorId, after, limit));
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (!COLLECTION.equals(change.collection())) {
            return;
        }
        Optional<Article> before = cachedVersion(change.id());
        Optional<Article> after = store.findById(change.id());
        byId.invalidate(change.id());
        bySlug.invalidateWhere((slug, article) -> article.map(a -> a.id().equals(change.id())).orElse(true),
                slug -> true);
        latest.invalidateAll();
        Set<String> reached = keysOf(change.id(), before, after);
        if (reached == null) {
            responses.purgeAll();
        } else {
            responses.purge(reached);
        }
    }

    /**
     * The version of article {@code id} held before a write: read by id, or by slug as article pages
     * are. Empty when neither holds it (then every key of the article is purged).
     */
    private Optional<Article> cachedVersion(String id) {
        Optional<Article> held = byId.peek(id);
        if (held != null && held.isPresent()) {
            return held;
        }
        return bySlug.peekAny(article -> article.isPresent() && article.get().id().equals(id)).flatMap(a -> a);
    }

    /**
     * The surrogate keys a write reaches: the article itself, its slugs (a lookup that found nothing),
     * and the lists it can now appear in (lists it was in carry its own key). Only
     * {@code comment-thread:<id>} when nothing but the comment count moved. A cached "before" that
     * equals "after" may have been loaded after the write itself, so it proves nothing: all keys then.
     */
    static Set<String> keysOf(String id, Optional<Article> before, Optional<Article> after) {
        if (before.isPresent() && after.isPresent() && after.get().isPublished()
                && before.get().commentCount() != after.get().commentCount()
                && before.get().equals(after.get().withCommentCount(before.get().commentCount()))) {
            return Set.of("comment-thread:" + id);
        }
        Set<String> keys = new HashSet<>();
        keys.add(key(id));
        keys.add("comment-thread:" + id);
        for (Optional<Article> version : List.of(before, after)) {
            version.ifPresent(article -> {
                keys.add(slugKey(article.slug()));
                keys.addAll(listKeys(null, null));
                keys.addAll(listKeys(article.section(), null));
                article.tags().forEach(tag -> keys.addAll(listKeys(null, tag)));
                article.tags().forEach(tag -> keys.addAll(listKeys(article.section(), tag)));
            });
        }
        return keys;
    }
}
