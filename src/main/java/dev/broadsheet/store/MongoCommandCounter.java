package dev.broadsheet.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.concurrent.atomic.LongAdder;

/** Counts every command the driver sends: the number tests and benchmarks report per request. */
public final class MongoCommandCounter implements CommandListener {

    private final LongAdder started = new LongAdder();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        started.increment();
    }

    public long total() {
        return started.sum();
    }
}
