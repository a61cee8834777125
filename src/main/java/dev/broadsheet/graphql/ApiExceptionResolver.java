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
 * Turns exceptions into GraphQL errors: expected ones keep their code and message, anything else
 * becomes an opaque {@code INTERNAL_ERROR} (logged here, never shown to the client).
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
        log.error("Unexpected failure resolving {}", env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env)
                .message("Internal error")
                .extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name()))
                .build();
    }
}
