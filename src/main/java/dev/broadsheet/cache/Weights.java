package dev.broadsheet.cache;

import dev.broadsheet.api.CachedResponses;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rough retained-size estimates for cached values, good enough to keep the caches inside their memory
 * budget: walks records, collections, maps, optionals and strings (compact Latin-1 strings assumed).
 * Weighed once per load, never on a hit.
 */
final class Weights {

    private static final int OBJECT = 16;
    private static final int REFERENCE = 8;
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private Weights() {
    }

    static int of(Object key, Object value) {
        long bytes = 64L + estimate(key, new IdentityHashMap<>()) + estimate(value, new IdentityHashMap<>());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    static int ofResponse(String key, CachedResponses.Entry entry) {
        long bytes = 160L + 2L * key.length() + entry.body().length + entry.etag().length()
                + entry.surrogateKey().length() + entry.tags().stream().mapToLong(tag -> 56L + tag.length()).sum();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long estimate(Object value, IdentityHashMap<Object, Boolean> seen) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return 40L + text.length();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?>) {
            return value instanceof Enum<?> ? 0 : OBJECT + 8;
        }
        if (value instanceof Temporal) {
            return 24;
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            return 0;
        }
        if (value instanceof Optional<?> optional) {
            return OBJECT + optional.map(v -> estimate(v, seen)).orElse(0L);
        }
        if (value instanceof Collection<?> collection) {
            long sum = 40L + (long) REFERENCE * collection.size();
            for (Object item : collection) {
                sum += estimate(item, seen);
            }
            return sum;
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 64L + 40L * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                sum += estimate(entry.getKey(), seen) + estimate(entry.getValue(), seen);
            }
            return sum;
        }
        if (value instanceof byte[] bytes) {
            return OBJECT + bytes.length;
        }
        if (value instanceof Record record) {
            RecordComponent[] components = COMPONENTS.computeIfAbsent(record.getClass(), Class::getRecordComponents);
            long sum = OBJECT + (long) REFERENCE * components.length;
            for (RecordComponent component : components) {
                try {
                    component.getAccessor().setAccessible(true);
                    sum += estimate(component.getAccessor().invoke(record), seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    sum += 64;
                }
            }
            return sum;
        }
        return 64;
    }
}
