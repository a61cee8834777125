package dev.broadsheet.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Weigher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Where every cache is built: bounded, with statistics exported to Micrometer ({@code cache.gets},
 * {@code cache.size}, ... tagged {@code cache=<name>}). Features create theirs at start-up.
 */
@Component
public class Caches {

    private final CacheProperties properties;
    private final MeterRegistry registry;

    Caches(CacheProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    /** A cache read one key at a time. */
    public <K, V> ReadCache<K, V> create(String name, Function<K, V> loader) {
        return create(name, loader, keys -> {
            throw new UnsupportedOperationException(name + " has no bulk loader");
        });
    }

    /** A cache that can also load many keys in one go ({@link ReadCache#getAll}). */
    public <K, V> ReadCache<K, V> create(String name, Function<K, V> loader, Function<Set<K>, Map<K, V>> bulkLoader) {
        LoadingCache<K, V> cache = null;
        if (properties.enabled()) {
            cache = Caffeine.newBuilder()
                    .maximumSize(properties.sizeOf(name))
                    .refreshAfterWrite(properties.refreshAfter())
                    .recordStats()
                    .build((CacheLoader<K, V>) loader::apply);
            CaffeineCacheMetrics.monitor(registry, cache, name);
        }
        return new ReadCache<>(name, cache, loader, bulkLoader);
    }

    /**
     * A cache of values that may not exist (cached as empty, so a miss is not asked again until a write
     * drops it); {@code bulkLoader} returns those it finds, the rest are cached as empty.
     */
    public <K, V> ReadCache<K, Optional<V>> createOptional(String name, Function<K, Optional<V>> loader,
            Function<Set<K>, Map<K, V>> bulkLoader) {
        return create(name, loader, keys -> {
            Map<K, V> found = bulkLoader.apply(keys);
            Map<K, Optional<V>> all = new HashMap<>();
            keys.forEach(key -> all.put(key, Optional.ofNullable(found.get(key))));
            return all;
        });
    }

    /**
     * A plain bounded cache for infrastructure (parsed documents, persisted queries, responses). It is
     * built even when read caches are switched off: it holds no database values.
     */
    public <K, V> Cache<K, V> plain(String name, long maxSize) {
        Cache<K, V> cache = Caffeine.newBuilder().maximumSize(maxSize).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }

    /**
     * A cache bounded by weight (e.g. bytes) rather than entry count, for values of very different
     * sizes such as encoded images. Built even when read caches are switched off: its values are
     * derived from immutable, versioned inputs.
     */
    public <K, V> Cache<K, V> weighed(String name, long maxWeight, Weigher<? super K, ? super V> weigher) {
        Cache<K, V> cache = Caffeine.newBuilder().maximumWeight(maxWeight).weigher(weigher).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }
}
