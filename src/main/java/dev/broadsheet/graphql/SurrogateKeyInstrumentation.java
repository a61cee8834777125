package dev.broadsheet.graphql;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;

/**
 * Collects the surrogate keys of the entities a response is built from: every field whose type has a
 * registered key (or is a union or interface) reports what it fetched into the request's key set.
 */
@Component
class SurrogateKeyInstrumentation extends SimplePerformantInstrumentation {

    /** GraphQL context key of the request's {@code Set<String>} of surrogate keys. */
    static final String KEYS = SurrogateKeyInstrumentation.class.getName();

    private final SurrogateKeys registry;

    SurrogateKeyInstrumentation(SurrogateKeys registry) {
        this.registry = registry;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getFieldDefinition().getType());
        if (!(type instanceof GraphQLNamedType named) || !registry.covers(named)) {
            return fetcher;
        }
        return environment -> {
            Set<String> keys = environment.getGraphQlContext().get(KEYS);
            Object result = fetcher.get(environment);
            if (keys == null) {
                return result;
            }
            if (result instanceof CompletionStage<?> pending) {
                return pending.thenApply(value -> {
                    collect(value, keys);
                    return value;
                });
            }
            collect(result, keys);
            return result;
        };
    }

    private void collect(Object value, Set<String> keys) {
        if (value instanceof DataFetcherResult<?> result) {
            collect(result.getData(), keys);
        } else if (value instanceof Iterable<?> values) {
            values.forEach(item -> collect(item, keys));
        } else if (value != null) {
            String key = registry.keyOf(value);
            if (key != null) {
                keys.add(key);
            }
        }
    }
}
