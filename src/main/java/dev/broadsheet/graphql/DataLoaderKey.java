package dev.broadsheet.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * One request-scoped DataLoader, named once with its key and value types, so that its registration and
 * every lookup agree without repeating a string or casting at each use.
 */
public record DataLoaderKey<K, V>(String name) {

    /** The loader Spring registers for {@code forTypePair(keyType, valueType)}: named after the value type. */
    public static <K, V> DataLoaderKey<K, V> ofTypes(Class<K> keyType, Class<V> valueType) {
        return new DataLoaderKey<>(valueType.getName());
    }

    public BatchLoaderRegistry.RegistrationSpec<K, V> registerIn(BatchLoaderRegistry loaders) {
        return loaders.forName(name);
    }

    public DataLoader<K, V> in(DataFetchingEnvironment env) {
        return env.getDataLoader(name);
    }
}
