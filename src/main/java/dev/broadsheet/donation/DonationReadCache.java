package dev.broadsheet.donation;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The active donation blocks (their placement rules) from memory, read once instead of on every
 * article served. Activity windows are still checked against the clock when an article is served.
 */
@Component
class DonationReadCache {

    private static final String COLLECTION = DonationStore.COLLECTION;
    private static final String ACTIVE = "active";

    private final ReadCache<String, List<DonationBlock>> active;

    DonationReadCache(DonationStore store, Caches caches, ChangeFollower follower, SurrogateKeys keys) {
        active = caches.create("donation.active", key -> List.copyOf(store.findActive()));
        follower.follow(COLLECTION);
        keys.register("DonationBlock", DonationAppeal.class, appeal -> "donation:" + appeal.id());
    }

    List<DonationBlock> active() {
        return active.get(ACTIVE);
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (COLLECTION.equals(change.collection())) {
            active.invalidateAll();
        }
    }
}
