package dev.broadsheet.graphql;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.FailureKinds;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors: expected ones keep their code and message; a store that cannot be
 * reached or cannot take writes is {@code UNAVAILABLE} without the driver's text; a duplicate key that no
 * feature turned into its own error is VALIDATION on that field; anything else becomes an opaque
 * {@code INTERNAL_ERROR} with an {@code errorId} that the log line (with the stack trace) carries too.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);
    /** An outage fails every request: one line per 10 s (with a count) tells the story without filling the disk. */
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final FailureKinds failures;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final LongAdder suppressed = new LongAdder();

    ApiExceptionResolver(FailureKinds failures) {
        this.failures = failures;
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            Map<String, Object> extensions = new LinkedHashMap<>(api.details());
            extensions.put("code", api.code().name());
            return GraphqlErrorBuilder.newError(env).message(api.getMessage()).extensions(extensions).build();
        }
        if (failures.isUnavailable(ex)) {
            logUnavailable(env, ex);
            return error(env, DatabaseUnavailable.MESSAGE, Map.of("code", ErrorCode.UNAVAILABLE.name()));
        }
        Optional<String> duplicate = failures.duplicateKeyField(ex);
        if (duplicate.isPresent()) {
            return error(env, "This " + duplicate.get() + " is already used",
                    Map.of("code", ErrorCode.VALIDATION.name(), "field", duplicate.get()));
        }
        String errorId = UUID.randomUUID().toString().substring(0, 13);
        log.error("Internal error {} resolving {}", errorId, env.getExecutionStepInfo().getPath(), ex);
        return error(env, "Internal error (id " + errorId + ")",
                Map.of("code", ErrorCode.INTERNAL_ERROR.name(), "errorId", errorId));
    }

    private void logUnavailable(DataFetchingEnvironment env, Throwable ex) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("Database unavailable resolving {} ({} more since the last report): {}",
                    env.getExecutionStepInfo().getPath(), suppressed.sumThenReset(), ex.toString());
        } else {
            suppressed.increment();
        }
    }

    private static GraphQLError error(DataFetchingEnvironment env, String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).message(message).extensions(extensions).build();
    }
}
