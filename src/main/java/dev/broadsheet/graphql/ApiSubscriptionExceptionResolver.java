package dev.broadsheet.graphql;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The subscription counterpart of {@link ApiExceptionResolver}: a subscription that fails (refused,
 * over its limit) ends with an {@code error} message carrying the API's code, never internals.
 */
@Component
class ApiSubscriptionExceptionResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiSubscriptionExceptionResolver.class);

    ApiSubscriptionExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof ApiException api) {
            Map<String, Object> extensions = new LinkedHashMap<>(api.details());
            extensions.put("code", api.code().name());
            return GraphqlErrorBuilder.newError().message(api.getMessage()).extensions(extensions).build();
        }
        log.error("Unexpected failure in a subscription", ex);
        return GraphqlErrorBuilder.newError().message("Internal error")
                .extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name())).build();
    }
}
