package dev.broadsheet.syndication;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.store.MongoCommandCounter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The highest write-sequence number below which every write has committed. A write takes its number
 * before it commits, so number 10 may still be on its way when 11 is readable; a follower that read
 * up to 11 and moved its cursor there would skip 10 for ever (the race in DESIGN.md). The cache's
 * {@code SequenceTracker} copes by remembering gaps per instance; a partner's cursor is a single
 * number held by the partner, so instead the feed reads only up to a number handed out at least
 * {@code settleAfter} ago: by then every write that took a number below it has committed or failed.
 */
@Component
class SettledSequence {

    private record Observation(Instant at, long value) {
    }

    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final SyndicationProperties properties;
    private final Deque<Observation> observations = new ArrayDeque<>();
    private long settled;

    SettledSequence(MongoDatabase database, Clock clock, SyndicationProperties properties) {
        this.counters = database.getCollection("counters");
        this.clock = clock;
        this.properties = properties;
    }

    /** Every write numbered up to here has committed (or never will). */
    long settled() {
        observe();
        return settledNow();
    }

    /** Also observes in the background so that a partner's first pull after a quiet spell is current. */
    @Scheduled(fixedDelayString = "${broadsheet.syndication.observe-interval:PT1S}")
    void observeQuietly() {
        try {
            observe();
        } catch (MongoException e) {
            // The store is briefly unavailable: the feed simply stays where it was.
        }
    }

    private void observe() {
        Document counter = counters.find(eq("_id", "changes")).comment(MongoCommandCounter.BACKGROUND).first();
        long value = counter == null ? 0 : ((Number) counter.get("value")).longValue();
        Instant at = clock.instant();
        synchronized (this) {
            observations.addLast(new Observation(at, value));
        }
    }

    private synchronized long settledNow() {
        Instant limit = clock.instant().minus(properties.settleAfter());
        while (!observations.isEmpty() && !observations.peekFirst().at().isAfter(limit)) {
            settled = Math.max(settled, observations.removeFirst().value());
        }
        return settled;
    }
}
