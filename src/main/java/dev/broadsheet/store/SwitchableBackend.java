package dev.broadsheet.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The backend the embedded server listens with, forwarding to the store open now. Replacing the store (read
 * only after a failed commit, writable again once the disk takes writes) keeps the port and the driver's
 * connections: nothing reconnects, and a write on a pooled connection after recovery just works.
 *
 * <p>A read caught by a switch (its store closed under it; {@link DurableH2Backend#REOPENING}) waits for the
 * next store, up to {@link #SWITCH_WAIT_MILLIS}, and is run again there, rather than failing back to the
 * driver, which would drop its connection pool.
 */
final class SwitchableBackend implements MongoBackend {

    static final long SWITCH_WAIT_MILLIS = 2000;

    private final Object switched = new Object();
    private volatile MongoBackend current;

    SwitchableBackend(MongoBackend first) {
        this.current = first;
    }

    /** Sends every later command to {@code next}; returns the backend it replaces. */
    MongoBackend switchTo(MongoBackend next) {
        synchronized (switched) {
            MongoBackend previous = current;
            current = next;
            switched.notifyAll();
            return previous;
        }
    }

    private Document onCurrent(Function<MongoBackend, Document> command) {
        MongoBackend backend = current;
        Document reply = command.apply(backend);
        if (!isReopening(reply)) {
            return reply;
        }
        MongoBackend next = awaitSwitchFrom(backend);
        return next == backend ? reply : command.apply(next);
    }

    private static boolean isReopening(Document reply) {
        return reply != null && reply.get("code") instanceof Integer code && code == DurableH2Backend.REOPENING;
    }

    private MongoBackend awaitSwitchFrom(MongoBackend backend) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWITCH_WAIT_MILLIS);
        synchronized (switched) {
            try {
                long left;
                while (current == backend && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(switched, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return current;
        }
    }

    @Override
    public void handleClose(Channel channel) {
        current.handleClose(channel);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return onCurrent(backend -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return current.handleQuery(query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return onCurrent(backend -> backend.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        current.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return current.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return current.getServerStatus();
    }

    @Override
    public void close() {
        current.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        current.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        current.enableOplog();
    }

    @Override
    public void disableOplog() {
        current.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return current.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        current.version(version);
        return this;
    }
}
