package dev.broadsheet.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonString;

/**
 * Counts every command the driver sends on behalf of requests: the number tests and benchmarks report
 * per request. Background work (following other instances' writes) tags its commands with
 * {@link #BACKGROUND} as their {@code comment} and is left out.
 */
public final class MongoCommandCounter implements CommandListener {

    public static final String BACKGROUND = "broadsheet:background";
    private static final BsonString BACKGROUND_COMMENT = new BsonString(BACKGROUND);

    private final LongAdder started = new LongAdder();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!BACKGROUND_COMMENT.equals(event.getCommand().get("comment"))) {
            started.increment();
        }
    }

    public long total() {
        return started.sum();
    }
}
