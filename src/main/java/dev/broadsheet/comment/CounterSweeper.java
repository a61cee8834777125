package dev.broadsheet.comment;

import com.mongodb.MongoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-applies the counters a crash left unapplied: comments still marked "not yet counted" (at start-up,
 * then every minute), and published comments with enough reports that never entered the REPORTED queue.
 * Every step it re-runs is idempotent, so racing a post in flight is harmless.
 */
@Component
class CounterSweeper implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CounterSweeper.class);
    /** A younger mark most likely belongs to a post in flight, which applies it itself. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final CommentStore store;
    private final CommentCounters counters;
    private final CommentProperties properties;
    private final Clock clock;

    CounterSweeper(CommentStore store, CommentCounters counters, CommentProperties properties, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep(Duration.ZERO);
    }

    @Scheduled(fixedDelayString = "${broadsheet.comments.counter-sweep-interval:PT1M}",
            initialDelayString = "${broadsheet.comments.counter-sweep-interval:PT1M}")
    void sweepPeriodically() {
        try {
            sweep(IN_FLIGHT);
        } catch (MongoException e) {
            // The store refuses writes (a full disk, a failover) and says why itself; the next round retries.
            log.warn("Counter sweep postponed: {}", e.getMessage());
        }
    }

    /** Applies the marks older than {@code minAge}; returns how many comments were healed. */
    int sweep(Duration minAge) {
        Instant before = clock.instant().minus(minAge);
        int healed = 0;
        for (Map.Entry<Comment, CounterMark> marked : store.findUncounted(BATCH).entrySet()) {
            CounterMark mark = marked.getValue();
            if (!minAge.isZero() && new ObjectId(mark.op()).getDate().toInstant().isAfter(before)) {
                continue;
            }
            counters.apply(marked.getKey(), mark);
            healed++;
        }
        long queued = store.queueReported(Math.max(1, properties.reportThreshold()));
        if (healed > 0 || queued > 0) {
            log.warn("Counter sweep: applied {} comment counter change(s) and queued {} reported comment(s) that a "
                    + "crash had left unapplied", healed, queued);
        }
        return healed;
    }
}
