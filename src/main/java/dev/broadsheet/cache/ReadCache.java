package dev.broadsheet.cache;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bounded cache of immutable values in front of a loader, built by {@link Caches}.
 *
 * <p>Entries never expire by age: they leave when a write invalidates them or the cache is full, so
 * while MongoDB is unreachable everything cached keeps being served. A background refresh after
 * {@code refreshAfter} is the safety net; when it fails the old value stays.
 *
 * <p>Invalidation is safe against loads in flight: every load holds a ticket from before it reads the
 * database until its value is in the cache, and an invalidation marks the tickets it may concern, so a
 * value read before a write can never be installed after that write's invalidation.
 */
public final class ReadCache<K, V> {

    private final String name;
    private final LoadingCache<K, V> cache;
    private final Function<K, V> loader;
    private final Function<Set<K>, Map<K, V>> bulkLoader;
    private final Set<Ticket<K>> inFlight = ConcurrentHashMap.newKeySet();

    ReadCache(String name, LoadingCache<K, V> cache, Function<K, V> loader, Function<Set<K>, Map<K, V>> bulkLoader) {
        this.name = name;
        this.cache = cache;
        this.loader = loader;
        this.bulkLoader = bulkLoader;
    }

    public String name() {
        return name;
    }

    /** The cached value, loading it once however many callers ask at the same time. */
    public V get(K key) {
        if (cache == null) {
            return loader.apply(key);
        }
        V present = cache.policy().getIfPresentQuietly(key);
        if (present != null) {
            cache.getIfPresent(key); // counts the hit
            return present;
        }
        // The ticket lives until the loaded value is installed, so an invalidation racing the load waits for it.
        Ticket<K> ticket = new Ticket<>(key);
        inFlight.add(ticket);
        try {
            return cache.get(key);
        } finally {
            inFlight.remove(ticket);
        }
    }

    /** The cached value without loading it or counting a read (null when absent or caching is off). */
    public V peek(K key) {
        return cache == null ? null : cache.policy().getIfPresentQuietly(key);
    }

    /** A cached value matching {@code test}, without loading or counting a read (empty when none). */
    public Optional<V> peekAny(Predicate<? super V> test) {
        return cache == null ? Optional.empty() : cache.asMap().values().stream().filter(test).findFirst();
    }

    /**
     * The values for {@code keys}, loading the missing ones with one bulk load. Concurrent bulk loads
     * of the same keys are not merged (unlike {@link #get}).
     */
    public Map<K, V> getAll(Collection<K> keys) {
        return getAll(keys, bulkLoader);
    }

    /** As {@link #getAll(Collection)}, loading the missing keys with {@code loader} this once. */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
        if (cache == null) {
            return loader.apply(new LinkedHashSet<>(keys));
        }
        Map<K, V> found = new HashMap<>(cache.getAllPresent(keys));
        if (found.size() == keys.size()) {
            return found;
        }
        Set<K> missing = new LinkedHashSet<>(keys);
        missing.removeAll(found.keySet());
        List<Ticket<K>> tickets = missing.stream().map(Ticket::new).toList();
        inFlight.addAll(tickets);
        try {
            Map<K, V> loaded = loader.apply(missing);
            for (Ticket<K> ticket : tickets) {
                V value = loaded.get(ticket.key);
                if (value != null) {
                    found.put(ticket.key, value);
                    synchronized (ticket) {
                        if (!ticket.invalidated) {
                            cache.put(ticket.key, value);
                        }
                    }
                }
            }
        } finally {
            tickets.forEach(inFlight::remove);
        }
        return found;
    }

    /** The values that exist among {@code keys}, in a cache of values that may not exist. */
    public static <K, V> Map<K, V> present(ReadCache<K, Optional<V>> cache, Collection<K> keys) {
        Map<K, V> found = new HashMap<>();
        cache.getAll(keys).forEach((key, value) -> value.ifPresent(v -> found.put(key, v)));
        return found;
    }

    /** Drops {@code key}, including a value being loaded for it right now. */
    public void invalidate(K key) {
        invalidateWhere((k, v) -> k.equals(key), key::equals);
    }

    /**
     * Drops the entries matching {@code entry}, and the values being loaded for keys matching
     * {@code loadingKey} (whose values are not known yet).
     */
    public void invalidateWhere(BiPredicate<? super K, ? super V> entry, Predicate<? super K> loadingKey) {
        if (cache == null) {
            return;
        }
        for (Ticket<K> ticket : inFlight) {
            if (loadingKey.test(ticket.key)) {
                synchronized (ticket) {
                    ticket.invalidated = true;
                }
                cache.invalidate(ticket.key);
            }
        }
        cache.asMap().entrySet().removeIf(e -> entry.test(e.getKey(), e.getValue()));
    }

    public void invalidateAll() {
        invalidateWhere((k, v) -> true, k -> true);
    }

    private static final class Ticket<K> {
        final K key;
        boolean invalidated;

        Ticket(K key) {
            this.key = key;
        }
    }
}
