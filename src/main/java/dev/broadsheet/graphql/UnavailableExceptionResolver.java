package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
    /** An outage fails every request: one line per 10 s (with a count) tells the story without filling the disk. */
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final LongAdder suppressed = new LongAdder();

    UnavailableExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!DatabaseUnavailable.causedIt(ex)) {
            return null;
        }
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("Database unavailable resolving {} ({} more since the last report): {}",
                    env.getExecutionStepInfo().getPath(), suppressed.sumThenReset(), ex.toString());
        } else {
            suppressed.increment();
        }
        return GraphqlErrorBuilder.newError(env)
                .message(DatabaseUnavailable.MESSAGE)
                .extensions(Map.of("code", ErrorCode.UNAVAILABLE.name()))
                .build();
    }
}
