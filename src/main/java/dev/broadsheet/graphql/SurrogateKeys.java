package dev.broadsheet.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How a value of a GraphQL object type names the entity it was built from in a {@code Surrogate-Key}
 * header ({@code article:<id>}). Features register their types at start-up.
 */
@Component
public class SurrogateKeys {

    private final Map<String, Function<Object, String>> byType = new ConcurrentHashMap<>();

    public void register(String graphQlType, Function<Object, String> key) {
        byType.put(graphQlType, key);
    }

    Function<Object, String> forType(String graphQlType) {
        return byType.get(graphQlType);
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }
}
