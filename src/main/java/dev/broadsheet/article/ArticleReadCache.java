package dev.broadsheet.article;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Published articles from memory: by id, by slug, and the latest-articles pages. Any write to an
 * article drops its entries, the slugs that found nothing (it may have just been published) and every
 * latest page (its order or membership may have changed).
 */
@Component
class ArticleReadCache {

    private static final String COLLECTION = ArticleStore.COLLECTION;

    record LatestKey(String section, String tag, String authorId, Cursor after, int limit) {
    }

    private final ReadCache<String, Optional<Article>> byId;
    private final ReadCache<String, Optional<Article>> bySlug;
    private final ReadCache<LatestKey, List<Article>> latest;

    ArticleReadCache(ArticleStore store, Caches caches, ChangeFollower follower, SurrogateKeys keys) {
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
        keys.register("Article", Article.class, article -> "article:" + article.id());
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
        byId.invalidate(change.id());
        bySlug.invalidateWhere((slug, article) -> article.map(a -> a.id().equals(change.id())).orElse(true),
                slug -> true);
        latest.invalidateAll();
    }
}
