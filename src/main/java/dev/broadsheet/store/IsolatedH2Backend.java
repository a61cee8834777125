package dev.broadsheet.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with reads that never see a write half done. It replies with its
 * stored documents themselves and encodes them after the command returns, while an update changes
 * those objects in place (removing fields, then putting the new ones): a read racing a write could
 * return a document half-updated, or one that no longer matches its query (a racing scheduler read an
 * article as already published and published it again). Here every reply is a copy, taken while no
 * write runs; writes exclude each other's replies the same way, and reads run side by side.
 */
class IsolatedH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "deleteindexes", "renamecollection");

    private final ReadWriteLock isolation = new ReentrantReadWriteLock();

    IsolatedH2Backend(MVStore store) {
        super(store);
    }

    /** The embedded in-memory store (tests, benchmarks, {@code broadsheet.store.in-memory}). */
    static IsolatedH2Backend inMemoryStore() {
        return new IsolatedH2Backend(MVStore.open(null));
    }

    static boolean isWrite(String command) {
        return WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        var lock = isWrite(command) ? isolation.writeLock() : isolation.readLock();
        lock.lock();
        try {
            return super.handleCommand(channel, database, command, query).cloneDeeply();
        } finally {
            lock.unlock();
        }
    }
}
