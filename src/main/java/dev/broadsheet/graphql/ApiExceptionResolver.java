package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.ApiException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: expected ones keep their code and message; MongoDB unreachable
 * (timed out, connection refused or broken) is {@code UNAVAILABLE} without the driver's text; anything
 * else becomes an opaque {@code INTERNAL_ERROR} (logged here, never shown to the client).
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    ApiExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            Map<String, Object> extensions = new LinkedHashMap<>(api.details());
            extensions.put("code", api.code().name());
            return GraphqlErrorBuilder.newError(env).message(api.getMessage()).extensions(extensions).build();
        }
        if (DatabaseUnavailable.causedIt(ex)) {
            log.warn("Database unavailable resolving {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
            return error(env, ErrorCode.UNAVAILABLE, DatabaseUnavailable.MESSAGE);
        }
        log.error("Unexpected failure resolving {}", env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorCode.INTERNAL_ERROR, "Internal error");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError(env).message(message).extensions(Map.of("code", code.name())).build();
    }
}
