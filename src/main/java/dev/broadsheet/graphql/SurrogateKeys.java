package dev.broadsheet.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The surrogate keys of what a response is built from ({@code article:<id>}, {@code slug:<slug>},
 * {@code list:section:news}, {@code comment-thread:<id>}, ...), gathered into a request-scoped set
 * where entities are loaded (root fetchers and batch loaders), not per field. The set goes out in
 * {@code Surrogate-Key} and tags the cached response, so a CDN or this instance can purge exactly the
 * responses a write changed.
 *
 * <p>Features register how their types are keyed, so a loader can {@link #collect} whatever it got.
 */
@Component
public class SurrogateKeys {

    private record Registration(Class<?> javaType, Function<Object, String> key) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** Values of {@code javaType} (served as {@code graphQlType}) are keyed by {@code key}. */
    public <T> void register(String graphQlType, Class<T> javaType, Function<T, String> key) {
        registrations.add(new Registration(javaType, value -> key.apply(javaType.cast(value))));
    }

    /** Adds {@code key} to the request's set (no-op for requests whose responses are not keyed). */
    public static void add(DataFetchingEnvironment env, String key) {
        add(env.getGraphQlContext(), key);
    }

    public static void add(BatchLoaderEnvironment env, String key) {
        if (env.getContext() instanceof GraphQLContext context) {
            add(context, key);
        }
    }

    /** Adds the keys of {@code value} (a registered type, or a collection of them). */
    public void collect(DataFetchingEnvironment env, Object value) {
        Set<String> keys = env.getGraphQlContext().get(SurrogateKeys.class);
        if (keys != null) {
            collect(value, keys);
        }
    }

    public void collect(BatchLoaderEnvironment env, Iterable<?> values) {
        if (env.getContext() instanceof GraphQLContext context && context.get(SurrogateKeys.class) instanceof Set<?> keys) {
            @SuppressWarnings("unchecked") Set<String> set = (Set<String>) keys;
            values.forEach(value -> collect(value, set));
        }
    }

    /** Registers {@code loader}'s batch loader as {@code load}, adding the keys of all it loads to the request's set. */
    public <K, V> void registerLoader(BatchLoaderRegistry loaders, DataLoaderKey<K, V> loader,
            Function<Set<K>, Map<K, V>> load) {
        loader.registerIn(loaders).registerMappedBatchLoader((ids, env) -> {
            Map<K, V> found = load.apply(ids);
            collect(env, found.values());
            return Mono.just(found);
        });
    }

    /** Starts a request's key set. */
    static Set<String> start(GraphQLContext.Builder context) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        context.put(SurrogateKeys.class, keys);
        return keys;
    }

    private static void add(GraphQLContext context, String key) {
        Set<String> keys = context.get(SurrogateKeys.class);
        if (keys != null) {
            keys.add(key);
        }
    }

    private void collect(Object value, Set<String> keys) {
        if (value instanceof Iterable<?> values) {
            values.forEach(item -> collect(item, keys));
        } else if (value != null) {
            for (Registration registration : registrations) {
                if (registration.javaType().isInstance(value)) {
                    keys.add(registration.key().apply(value));
                    return;
                }
            }
        }
    }
}
