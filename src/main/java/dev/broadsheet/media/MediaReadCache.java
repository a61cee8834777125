package dev.broadsheet.media;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Media assets by id from memory; a write to an asset drops its entry. */
@Component
class MediaReadCache {

    private static final String COLLECTION = MediaStore.COLLECTION;

    private final ReadCache<String, Optional<MediaAsset>> byId;

    MediaReadCache(MediaStore store, Caches caches, ChangeFollower follower, SurrogateKeys keys) {
        byId = caches.createOptional("media.byId", store::findById, store::findByIds);
        follower.follow(COLLECTION);
        keys.register("MediaAsset", MediaAsset.class, asset -> "asset:" + asset.id());
    }

    Optional<MediaAsset> byId(String id) {
        return byId.get(id);
    }

    Map<String, MediaAsset> byIds(Collection<String> ids) {
        return ReadCache.present(byId, ids);
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (COLLECTION.equals(change.collection())) {
            byId.invalidate(change.id());
        }
    }
}
