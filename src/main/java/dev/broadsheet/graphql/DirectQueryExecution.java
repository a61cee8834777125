package dev.broadsheet.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dataloader.DataLoaderRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.stereotype.Component;

/**
 * Runs an anonymous query straight on graphql-java, on the request thread: the read path that every
 * page view of a front end takes when the response cache cannot answer. It does what Spring for
 * GraphQL's handler chain does for such a request (a fresh data-loader registry per request, the
 * surrogate-key set, the request-level instrumentations: limits and the introspection policy, and the
 * same error codes), without what costs there per request and per field and serves no anonymous read:
 * the Reactor interceptor chain, context-propagation snapshots, and the GraphQL observations (whose
 * data-loader hook alone threw and caught an exception per batch).
 *
 * <p>Mutations, subscriptions and every request with a token keep Spring's full path.
 */
@Component
class DirectQueryExecution {

    /** What a direct execution produced, with the surrogate keys gathered while loading. */
    record Outcome(ExecutionResult result, Map<String, Object> body, Set<String> keys, boolean privateResponse) {

        boolean clean() {
            return result.getErrors().isEmpty();
        }
    }

    private final GraphQlSource source;
    private final BatchLoaderRegistry loaders;
    private final ObjectProvider<Instrumentation> instrumentations;
    private final RequestErrorCodes codes;
    private volatile GraphQL graphQl;

    DirectQueryExecution(GraphQlSource source, BatchLoaderRegistry loaders,
            ObjectProvider<Instrumentation> instrumentations, RequestErrorCodes codes) {
        this.codes = codes;
        this.source = source;
        this.loaders = loaders;
        this.instrumentations = instrumentations;
    }

    Outcome execute(GraphQlCall call, Locale locale) {
        @SuppressWarnings("unchecked") Set<String>[] keys = new Set[1];
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().build();
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(call.query() != null ? call.query() : PersistedQuerySupport.PERSISTED_QUERY_MARKER)
                .operationName(call.operationName())
                .variables(call.variables() == null ? Map.of() : call.variables())
                .extensions(call.extensions() == null ? Map.of() : call.extensions())
                .graphQLContext(builder -> keys[0] = SurrogateKeys.start(builder))
                .dataLoaderRegistry(registry)
                .locale(locale)
                .build();
        GraphQLContext context = input.getGraphQLContext();
        loaders.registerDataLoaders(registry, context);
        ExecutionResult result;
        try {
            result = graphQl().execute(input);
        } catch (RuntimeException e) {
            if (!(e instanceof GraphQLError error)) {
                throw e;
            }
            result = ExecutionResult.newExecutionResult().addError(error).build();
        }
        List<GraphQLError> errors = codes.coded(result.getErrors());
        if (errors != result.getErrors()) {
            result = result.transform(builder -> builder.errors(errors));
        }
        return new Outcome(result, result.toSpecification(), keys[0], PrivateResponse.isMarked(context));
    }

    /**
     * The application's GraphQL engine (same schema, strategies, exception handling and document
     * cache) with its request-level instrumentations minus the observations. Built on first use: the
     * schema exists only once the whole context has started.
     */
    private GraphQL graphQl() {
        GraphQL built = graphQl;
        if (built == null) {
            List<Instrumentation> withoutObservation = instrumentations.orderedStream()
                    .filter(instrumentation -> !(instrumentation instanceof GraphQlObservationInstrumentation))
                    .toList();
            built = source.graphQl().transform(builder ->
                    builder.instrumentation(new RequestLevelInstrumentation(withoutObservation)));
            graphQl = built;
        }
        return built;
    }
}
