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

/**
 * The backend the embedded server listens with, forwarding to the store open now. Replacing the store (read
 * only after a failed commit, writable again once the disk takes writes) keeps the port and the driver's
 * connections: nothing reconnects, and a write on a pooled connection after recovery just works.
 */
final class SwitchableBackend implements MongoBackend {

    private volatile MongoBackend current;

    SwitchableBackend(MongoBackend first) {
        this.current = first;
    }

    /** Sends every later command to {@code next}; returns the backend it replaces. */
    MongoBackend switchTo(MongoBackend next) {
        MongoBackend previous = current;
        current = next;
        return previous;
    }

    @Override
    public void handleClose(Channel channel) {
        current.handleClose(channel);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return current.handleCommand(channel, database, command, query);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return current.handleQuery(query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return current.handleMessage(message);
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
