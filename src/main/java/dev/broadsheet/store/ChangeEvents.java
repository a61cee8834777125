package dev.broadsheet.store;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores call {@link #written} after every write a reader or partner can see, before the mutation
 * returns; listeners (caches) drop what the write touched. Delivery is synchronous, so an editor never
 * reads their own stale write.
 */
@Component
public class ChangeEvents {

    private final ApplicationEventPublisher publisher;

    ChangeEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void written(String collection, String id, long seq) {
        publisher.publishEvent(new EntityChanged(collection, id, seq, true));
    }
}
