package dev.broadsheet.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: mongo-java-server in-process, persisting to an H2 MVStore file, listening on
 * a loopback port so the real driver talks to it exactly as it would to MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private final ScheduledExecutorService committer;

    private EmbeddedMongoServer(H2Backend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.connectionString = server.bindAndGetConnectionString();
        // H2 commits on its own about once a second; committing here too bounds what a crash can lose.
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commit, 200, 200, TimeUnit.MILLISECONDS);
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(H2Backend.inMemory());
    }

    public static EmbeddedMongoServer persistentIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("broadsheet.mv").toAbsolutePath();
        log.info("Embedded MongoDB server storing data in {}", file);
        return new EmbeddedMongoServer(new H2Backend(file.toString()));
    }

    public String connectionString() {
        return connectionString;
    }

    private void commit() {
        try {
            backend.commit();
        } catch (RuntimeException e) {
            log.debug("Periodic commit failed", e);
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        commit();
        server.shutdown();
        log.info("Embedded MongoDB server stopped");
    }
}
