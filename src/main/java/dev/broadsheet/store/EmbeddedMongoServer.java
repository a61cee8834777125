package dev.broadsheet.store;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
 * every few seconds whether the disk takes writes again; then it reopens the file and takes writes. The
 * port stays open throughout: the store behind it is switched ({@link SwitchableBackend}). It also stops
 * taking writes, the same way, while the disk is nearly full ({@link DiskRoom}), and does not start on one.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
    private static final Duration STILL_FAILING_LOG = Duration.ofMinutes(1);
    /** Each connection is served by one worker; a writer waiting for the group commit holds only its own. */
    private static final int WORKER_THREADS = 64;

    /** One opening of the store file, with what serves it. */
    private record Opened(MVStore store, GroupCommit commits, DurableH2Backend backend, CommitMarker marker) {

        /** Closes without writing: what was acknowledged is in the file already. */
        void closeImmediately() {
            commits.close();
            if (!store.isClosed()) {
                store.closeImmediately();
            }
            marker.close();
        }
    }

    private final Path file;
    private final String fileSystem;
    private final DiskRoom room;
    private final ScheduledExecutorService supervisor;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private MongoServer server;
    private SwitchableBackend backends;
    /** Replaced only on the supervisor thread. */
    private volatile Opened opened;
    private volatile String refusal;
    private volatile boolean closing;
    private volatile Instant failedSince;
    private Instant lastStillFailingLog = Instant.EPOCH;
    private int port;

    private EmbeddedMongoServer(Path file, String fileSystem, int port, DiskRoom room) {
        this.file = file;
        this.fileSystem = fileSystem;
        this.port = port;
        this.room = room;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static EmbeddedMongoServer inMemory() {
        EmbeddedMongoServer server = new EmbeddedMongoServer(null, "", 0, null);
        server.server = new MongoServer(IsolatedH2Backend.inMemoryStore());
        server.port = server.server.bind().getPort();
        return server;
    }

    /**
     * Opens (or creates) {@code dataDir/broadsheet.mv}; refuses with {@link StoreStartupException} a file it
     * cannot write, a damaged one, or one in use. {@code port} 0 picks a free loopback port.
     */
    public static EmbeddedMongoServer persistentIn(Path dataDir, int port) {
        return persistentIn(dataDir, port, "");
    }

    /** As {@link #persistentIn(Path, int)}, reaching the file through an H2 file-system prefix (tests inject faults). */
    static EmbeddedMongoServer persistentIn(Path dataDir, int port, String fileSystem) {
        return persistentIn(dataDir, port, fileSystem, null);
    }

    /** As above, measuring the free space with {@code freeBytes} (null: the disk's own) (tests). */
    static EmbeddedMongoServer persistentIn(Path dataDir, int port, String fileSystem, LongSupplier freeBytes) {
        Path file = dataDir.resolve("broadsheet.mv").toAbsolutePath().normalize();
        DiskRoom room = freeBytes == null ? DiskRoom.onDisk(file) : new DiskRoom(file, freeBytes);
        EmbeddedMongoServer server = new EmbeddedMongoServer(file, fileSystem, port, room);
        server.opened = server.open(EmbeddedStoreFile.openWritable(file, fileSystem, room, true));
        server.backends = new SwitchableBackend(server.opened.backend());
        server.server = new MongoServer(server.backends);
        try {
            server.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            server.opened.closeImmediately();
            throw e;
        }
        server.port = server.server.getLocalAddress().getPort();
        server.supervisor.scheduleWithFixedDelay(server::supervise, 2, 2, TimeUnit.SECONDS);
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

    private Opened open(MVStore store) {
        CommitMarker marker = new CommitMarker(file);
        GroupCommit commits = new GroupCommit(store, COMMIT_WAIT, "embedded-store-commit", marker::record);
        DurableH2Backend backend = new DurableH2Backend(store, commits, this::currentRefusal,
                failure -> commitFailed(store, failure));
        return new Opened(store, commits, backend, marker);
    }

    private String currentRefusal() {
        String refused = refusal;
        if (refused != null) {
            refusedSinceLog.incrementAndGet();
        }
        return refused;
    }

    private void commitFailed(MVStore store, RuntimeException failure) {
        synchronized (this) {
            // A write still finishing on an opening already replaced says nothing about the one open now.
            if (refusal != null || closing || opened.store() != store) {
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

    /**
     * The MVStore closed itself after the failed write: serve reads from what the file holds. If the file
     * cannot be opened now, the closed store stays behind the port (reads answer "reopening", writes are
     * refused) and the next check tries again.
     */
    private void reopenForReads() {
        opened.closeImmediately();
        try {
            switchTo(open(EmbeddedStoreFile.openReadOnly(file, fileSystem)));
        } catch (RuntimeException e) {
            log.error("Cannot reopen {} to serve reads: {}", file, EmbeddedStoreFile.rootMessage(e));
        }
    }

    /** Every 2 s on the supervisor, the one thread that replaces the open store. */
    private void supervise() {
        if (refusal == null) {
            checkRoomLeft();
        } else {
            checkRecovery();
        }
    }

    /** Stops taking writes while the disk is nearly full (the store stays open; recovery reopens it). */
    private void checkRoomLeft() {
        String shortage = room.shortage();
        if (shortage == null) {
            return;
        }
        synchronized (this) {
            if (refusal != null || closing) {
                return;
            }
            refusal = shortage;
            failedSince = Instant.now();
            lastStillFailingLog = failedSince;
        }
        log.error("{}; refusing writes (UNAVAILABLE) and reporting not ready until {} MiB are free", shortage,
                DiskRoom.RESUME_AT >> 20);
    }

    /**
     * While writes are refused: once the disk has room again and takes a test write, reopens the file for writing
     * (which checks, against the commit marker, that every acknowledged commit is still readable) and takes writes.
     */
    private void checkRecovery() {
        if (closing) {
            return;
        }
        if (opened.store().isClosed()) {
            reopenForReads();
        }
        if (!room.enoughToResume() || !EmbeddedStoreFile.hasRoom(file, fileSystem)) {
            logStillFailing();
            return;
        }
        // The read-only opening holds a shared lock on the file; reads answer "reopening" until the switch.
        opened.closeImmediately();
        try {
            switchTo(open(EmbeddedStoreFile.openWritable(file, fileSystem, room, false)));
            String was = refusal;
            refusal = null;
            log.info("{} takes writes again after {} s; writes accepted, readiness UP (was: {})", file,
                    Duration.between(failedSince, Instant.now()).toSeconds(), was);
        } catch (RuntimeException e) {
            logStillFailing();
            reopenForReads();
        }
    }

    private void switchTo(Opened next) {
        opened = next;
        backends.switchTo(next.backend());
    }

    /** Runs the room or recovery check now, after whatever the supervisor was asked to do before (tests). */
    void superviseNow() throws Exception {
        supervisor.submit(this::supervise).get(30, TimeUnit.SECONDS);
    }

    private void logStillFailing() {
        Instant now = Instant.now();
        if (Duration.between(lastStillFailingLog, now).compareTo(STILL_FAILING_LOG) >= 0) {
            lastStillFailingLog = now;
            log.error("Still refusing writes since {} ({} refused in the last minute): {}", failedSince,
                    refusedSinceLog.getAndSet(0), refusal);
        }
    }

    @Override
    public void close() {
        closing = true;
        // Not shutdownNow(): an interrupt closes the FileChannel of a store being opened, and H2 then reports an
        // intact file as "File is corrupted - unable to recover a valid set of chunks". A check under way finishes.
        supervisor.shutdown();
        try {
            supervisor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Stops listening, then closes the backend open now, and with it its MVStore (a clean close when writable).
        server.shutdown();
        Opened last = opened;
        if (last != null) {
            last.closeImmediately();
        }
        log.info("Embedded MongoDB server stopped");
    }
}
