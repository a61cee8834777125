package dev.broadsheet.cache;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import dev.broadsheet.api.PeriodicTask;
import dev.broadsheet.store.EntityChanged;
import dev.broadsheet.store.MongoCommandCounter;
import dev.broadsheet.store.Sequence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Learns what other instances wrote by following the write sequence: every {@code followInterval} it
 * reads, from each registered collection, the documents whose {@code seq} is above the tracker's
 * floor, and republishes the new ones as {@code EntityChanged(local=false)}, which the features' cache
 * listeners handle like their own writes. Works on MongoDB and on the embedded server alike (no change
 * streams needed). With the read caches switched off there is nothing to drop, so it does not run.
 */
@Component
public class ChangeFollower {

    /** Marks the follower's queries so that per-request command counts leave them out. */
    private static final String BACKGROUND = MongoCommandCounter.BACKGROUND;

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    /** Numbers below the counter at start-up that may still be committing: read them again once. */
    private static final long START_WINDOW = 1000;

    private final MongoDatabase database;
    private final ApplicationEventPublisher events;
    private final CacheProperties properties;
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final Counter polls;
    private volatile SequenceTracker tracker;

    ChangeFollower(MongoDatabase database, Sequence sequence, ApplicationEventPublisher events,
            CacheProperties properties, MeterRegistry registry) {
        this.database = database;
        // A number this instance took is its own write, even if a round reads the write before its writer has
        // published it; republished as another instance's, it would reach the caches without its "before".
        sequence.onTaken(this::markOwn);
        this.events = events;
        this.properties = properties;
        this.polls = Counter.builder("broadsheet.cache.follower.queries")
                .description("MongoDB queries made to follow other instances' writes").register(registry);
    }

    /** Follows {@code collection} (whose reader-visible writes stamp {@code seq}), indexing {@code seq}. */
    public void follow(String collection) {
        database.getCollection(collection).createIndex(new Document("seq", 1));
        collections.add(collection);
    }

    private void markOwn(long seq) {
        SequenceTracker current = tracker;
        if (current != null) {
            current.seen(seq);
        }
    }

    /** One round: what other instances wrote since the last one, published as changes. */
    public synchronized void poll() {
        SequenceTracker current = tracker;
        if (current == null) {
            current = startTracking();
        }
        long floor = current.floor();
        List<SequenceTracker.Change> found = new ArrayList<>();
        for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            polls.increment();
            for (Document doc : collection.find(gt("seq", floor)).projection(Projections.include("_id", "seq"))
                    .comment(BACKGROUND)) {
                found.add(new SequenceTracker.Change(name, String.valueOf(doc.get("_id")),
                        ((Number) doc.get("seq")).longValue()));
            }
        }
        for (SequenceTracker.Change change : current.accept(found)) {
            events.publishEvent(new EntityChanged(change.collection(), change.id(), change.seq(), false));
        }
    }

    private SequenceTracker startTracking() {
        Document counter = database.getCollection("counters").find(eq("_id", "changes")).comment(BACKGROUND).first();
        long value = counter == null ? 0 : ((Number) counter.get("value")).longValue();
        SequenceTracker started = new SequenceTracker(Math.max(0, value - START_WINDOW),
                properties.gapGrace().toNanos(), System::nanoTime);
        tracker = started;
        return started;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (MongoException e) {
            log.debug("Cannot follow changes right now: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Following changes failed", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Rounds {

        /**
         * The first round too waits one interval: it re-reads a window below the counter anyway, and an
         * instance configured to follow slowly gets no early round.
         */
        @Bean
        @ConditionalOnBooleanProperty(name = "broadsheet.cache.enabled", matchIfMissing = true)
        PeriodicTask changeFollowing(ChangeFollower follower, CacheProperties properties) {
            return new PeriodicTask("change-follower", properties.followInterval(), follower::pollQuietly);
        }
    }
}
