package dev.broadsheet.graphql;

import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLUnionType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How a value the API serves names the entity it was built from in a {@code Surrogate-Key} header
 * ({@code article:<id>}), so a CDN can purge exactly the responses a write changed. Features register
 * their types at start-up.
 */
@Component
public class SurrogateKeys {

    private record Registration(String graphQlType, Class<?> javaType, Function<Object, String> key) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** Values of {@code javaType} (served as {@code graphQlType}) are keyed by {@code key}. */
    public <T> void register(String graphQlType, Class<T> javaType, Function<T, String> key) {
        registrations.add(new Registration(graphQlType, javaType, value -> key.apply(javaType.cast(value))));
    }

    /** Fields of this type may return keyed values (a registered type, or a union or interface). */
    boolean covers(GraphQLNamedType type) {
        if (type instanceof GraphQLUnionType || type instanceof GraphQLInterfaceType) {
            return true;
        }
        return registrations.stream().anyMatch(r -> r.graphQlType().equals(type.getName()));
    }

    String keyOf(Object value) {
        for (Registration registration : registrations) {
            if (registration.javaType().isInstance(value)) {
                return registration.key().apply(value);
            }
        }
        return null;
    }
}
