package dev.broadsheet.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.broadsheet.api.CachedResponses;
import dev.broadsheet.store.EntityChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whole serialized responses to anonymous queries, each tagged with the surrogate keys of what it was
 * built from. A write drops only the responses whose tags it touches: a feature that knows which keys
 * its writes reach declares its collection ({@link #purgedByFeature}) and calls {@link #purge} from its
 * change listener, after its record caches are fresh; a write to any other collection drops everything.
 *
 * <p>Guard against the write/load race: a response is stored only if no purge that touches its tags
 * happened since its execution began ({@link #begin()}), so a response built from data read before a
 * write can never be installed after that write's purge. Purges arrive for this instance's writes at
 * once and for other instances' writes through the write sequence ({@link ChangeFollower}).
 */
@Component
public class ResponseCache implements CachedResponses {

    /** Purges remembered for the race guard; a response whose execution outlived them is not stored. */
    private static final int PURGE_LOG = 4096;
    /** Tags standing for "every response" in the purge log. */
    private static final Set<String> ALL = Set.of("*");

    private record Purge(long number, Set<String> keys) {
    }

    private final Cache<String, Entry> responses;
    private final Set<String> ownPurges = ConcurrentHashMap.newKeySet();
    private final Deque<Purge> purges = new ArrayDeque<>();
    private final Counter hits;
    private long purgeCount;

    ResponseCache(CacheProperties properties, MeterRegistry registry) {
        boolean on = properties.enabled() && properties.responses().enabled();
        this.responses = on ? Caffeine.newBuilder()
                .maximumWeight(properties.responsesBytes())
                .weigher((String key, Entry entry) -> Weights.ofResponse(key, entry))
                .recordStats()
                .build() : null;
        this.hits = Counter.builder("broadsheet.cache.responses.served")
                .description("Response-cache hits answered by the front filter").register(registry);
        if (responses != null) {
            CaffeineCacheMetrics.monitor(registry, responses, "graphql.responses");
            Gauge.builder("broadsheet.cache.bytes", responses,
                            cache -> cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
                    .tag("cache", "graphql.responses").baseUnit("bytes")
                    .description("Estimated bytes held by the cache").register(registry);
        }
    }

    @Override
    public boolean enabled() {
        return responses != null;
    }

    /** Writes to {@code collection} are purged by its feature, by the keys they reach. */
    public void purgedByFeature(String collection) {
        ownPurges.add(collection);
    }

    @Override
    public Entry get(String key) {
        if (responses == null) {
            return null;
        }
        Entry entry = responses.getIfPresent(key);
        if (entry != null) {
            hits.increment();
        }
        return entry;
    }

    @Override
    public synchronized long begin() {
        return purgeCount;
    }

    /** Stores {@code entry} unless a purge since {@code begun} touched its tags. */
    @Override
    public synchronized void put(String key, Entry entry, long begun) {
        if (responses == null) {
            return;
        }
        if (begun < purgeCount) {
            if (purges.isEmpty() || purges.peekFirst().number() > begun + 1) {
                return; // the log no longer reaches back that far
            }
            for (Purge purge : purges) {
                if (purge.number() > begun && (purge.keys() == ALL || intersects(purge.keys(), entry.tags()))) {
                    return;
                }
            }
        }
        responses.put(key, entry);
    }

    /** Drops the responses built from any of {@code keys}, and the ones being built right now. */
    public void purge(Collection<String> keys) {
        Set<String> set = Set.copyOf(keys);
        if (set.isEmpty()) {
            return;
        }
        synchronized (this) {
            log(set);
            if (responses != null) {
                responses.asMap().values().removeIf(entry -> intersects(set, entry.tags()));
            }
        }
    }

    public synchronized void purgeAll() {
        log(ALL);
        if (responses != null) {
            responses.invalidateAll();
        }
    }

    /** Runs after the features' own listeners, so their record caches are already fresh. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onChange(EntityChanged change) {
        if (!ownPurges.contains(change.collection())) {
            purgeAll();
        }
    }

    private void log(Set<String> keys) {
        purgeCount++;
        purges.addLast(new Purge(purgeCount, keys));
        if (purges.size() > PURGE_LOG) {
            purges.removeFirst();
        }
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String key : small) {
            if (large.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
