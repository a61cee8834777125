package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * MongoDB unreachable (timed out, connection refused or broken) is {@code UNAVAILABLE}, without the
 * driver's text; runs before {@link ApiExceptionResolver}, which would call it an internal error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableExceptionResolver.class);

    UnavailableExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!DatabaseUnavailable.causedIt(ex)) {
            return null;
        }
        log.warn("Database unavailable resolving {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
        return GraphqlErrorBuilder.newError(env)
                .message(DatabaseUnavailable.MESSAGE)
                .extensions(Map.of("code", ErrorCode.UNAVAILABLE.name()))
                .build();
    }
}
