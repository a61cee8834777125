package dev.broadsheet.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: mongo-java-server in-process, persisting to an H2 MVStore file, listening on
 * a loopback port so the real driver talks to it exactly as it would to MongoDB.
 *
 * <p>A write is acknowledged only once the file holds it (group commit, {@link DurableH2Backend}). When
 * a commit fails (full disk, read-only file system) the store stops taking writes, reports it
 * ({@link #writeRefusal()}, readiness DOWN), goes on serving reads from what the file holds, and checks
 * every few seconds whether the disk takes writes again; then it reopens the file and takes writes.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    private static final Duration STILL_FAILING_LOG = Duration.ofMinutes(1);
    /** Each connection is served by one worker; a writer waiting for the group commit holds only its own. */
    private static final int WORKER_THREADS = 64;

    private record Running(MVStore store, GroupCommit commits, MongoServer server, CommitMarker marker) {
    }

    private final Path file;
    private final ScheduledExecutorService supervisor;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private volatile Running running;
    private volatile String refusal;
    private volatile boolean closing;
    private volatile Instant failedSince;
    private Instant lastStillFailingLog = Instant.EPOCH;
    private int port;

    private EmbeddedMongoServer(Path file, int port) {
        this.file = file;
        this.port = port;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static EmbeddedMongoServer inMemory() {
        EmbeddedMongoServer server = new EmbeddedMongoServer(null, 0);
        MongoServer mongo = new MongoServer(H2Backend.inMemory());
        server.port = mongo.bind().getPort();
        server.running = new Running(null, null, mongo, null);
        return server;
    }

    /**
     * Opens (or creates) {@code dataDir/broadsheet.mv}; refuses with {@link StoreStartupException} a file it
     * cannot write, a damaged one, or one in use. {@code port} 0 picks a free loopback port.
     */
    public static EmbeddedMongoServer persistentIn(Path dataDir, int port) {
        Path file = dataDir.resolve("broadsheet.mv").toAbsolutePath().normalize();
        EmbeddedMongoServer server = new EmbeddedMongoServer(file, port);
        server.running = server.start(EmbeddedStoreFile.openWritable(file, true));
        server.supervisor.scheduleWithFixedDelay(server::checkRecovery, 2, 2, TimeUnit.SECONDS);
        log.info("Embedded MongoDB server storing data in {} (listening on 127.0.0.1:{})", file, server.port);
        return server;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Why writes are refused now (the store cannot commit), or null when it takes writes. */
    public String writeRefusal() {
        return refusal;
    }

    private Running start(MVStore store) {
        CommitMarker marker = new CommitMarker(file);
        GroupCommit commits = new GroupCommit(store, COMMIT_WAIT, "embedded-store-commit", marker::record);
        DurableH2Backend backend = new DurableH2Backend(store, commits, this::currentRefusal, this::commitFailed);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1, WORKER_THREADS);
        port = server.getLocalAddress().getPort();
        return new Running(store, commits, server, marker);
    }

    private String currentRefusal() {
        String refused = refusal;
        if (refused != null) {
            refusedSinceLog.incrementAndGet();
        }
        return refused;
    }

    private void commitFailed(RuntimeException failure) {
        synchronized (this) {
            if (refusal != null || closing) {
                return;
            }
            refusal = "The embedded store cannot write " + file + ": " + EmbeddedStoreFile.rootMessage(failure);
            failedSince = Instant.now();
            lastStillFailingLog = failedSince;
        }
        log.error("Commit to {} failed; refusing writes (UNAVAILABLE) and reporting not ready until the disk takes "
                + "writes again. Nothing unacknowledged is kept.", file, failure);
        supervisor.execute(this::reopenForReads);
    }

    /** The MVStore closed itself after the failed write: serve reads from what the file holds. */
    private void reopenForReads() {
        try {
            replace(EmbeddedStoreFile.openReadOnly(file));
        } catch (RuntimeException e) {
            log.error("Cannot reopen {} to serve reads: {}", file, EmbeddedStoreFile.rootMessage(e));
        }
    }

    private void checkRecovery() {
        if (refusal == null) {
            return;
        }
        if (!EmbeddedStoreFile.hasRoom(file)) {
            logStillFailing();
            return;
        }
        try {
            stopRunning();
            running = start(EmbeddedStoreFile.openWritable(file, false));
            String was = refusal;
            refusal = null;
            log.info("{} takes writes again after {} s; writes accepted, readiness UP (was: {})", file,
                    Duration.between(failedSince, Instant.now()).toSeconds(), was);
        } catch (RuntimeException e) {
            logStillFailing();
            if (running == null) {
                reopenForReads();
            }
        }
    }

    private void logStillFailing() {
        Instant now = Instant.now();
        if (Duration.between(lastStillFailingLog, now).compareTo(STILL_FAILING_LOG) >= 0) {
            lastStillFailingLog = now;
            log.error("Still refusing writes since {} ({} refused in the last minute): {}", failedSince,
                    refusedSinceLog.getAndSet(0), refusal);
        }
    }

    private void replace(MVStore store) {
        stopRunning();
        running = start(store);
    }

    private void stopRunning() {
        Running old = running;
        running = null;
        if (old == null) {
            return;
        }
        old.server().shutdown();
        if (old.commits() != null) {
            old.commits().close();
        }
        if (old.store() != null && !old.store().isClosed()) {
            old.store().closeImmediately();
        }
        if (old.marker() != null) {
            old.marker().close();
        }
    }

    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        Running last = running;
        running = null;
        if (last == null) {
            return;
        }
        last.server().shutdown();
        if (last.commits() != null) {
            last.commits().close();
        }
        if (last.store() != null && !last.store().isClosed()) {
            if (refusal == null && !last.store().isReadOnly()) {
                last.store().close();
            } else {
                last.store().closeImmediately();
            }
        }
        if (last.marker() != null) {
            last.marker().close();
        }
        log.info("Embedded MongoDB server stopped");
    }
}
