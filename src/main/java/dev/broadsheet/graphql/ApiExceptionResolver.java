package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.store.StoreFailures;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: expected ones keep their code and message, anything else
 * becomes an opaque {@code INTERNAL_ERROR} with an {@code errorId} that the log line (with the stack trace)
 * carries too. A duplicate key that no feature turned into its own error is VALIDATION on that field.
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
        Optional<String> duplicate = StoreFailures.duplicateKeyField(ex);
        if (duplicate.isPresent()) {
            return GraphqlErrorBuilder.newError(env)
                    .message("This " + duplicate.get() + " is already used")
                    .extensions(Map.of("code", ErrorCode.VALIDATION.name(), "field", duplicate.get()))
                    .build();
        }
        String errorId = UUID.randomUUID().toString().substring(0, 13);
        log.error("Internal error {} resolving {}", errorId, env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env)
                .message("Internal error (id " + errorId + ")")
                .extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name(), "errorId", errorId))
                .build();
    }
}
