package dev.broadsheet;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for a test that starts application instances itself: a fresh in-memory embedded
 * server by default, or a fresh database on the MongoDB named by {@link #externalUri()}, dropped by
 * {@link #close()}. Pass {@link #springArguments()} to the application.
 */
public final class TestDatabase implements AutoCloseable {

    /** {@code -Dbroadsheet.test.mongodb-uri=mongodb://...}: run the tests against that MongoDB. */
    public static final String URI_PROPERTY = "broadsheet.test.mongodb-uri";
    public static final String URI_ENV = "BROADSHEET_TEST_MONGODB_URI";
    /** {@code -Dbroadsheet.test.mongodb-server=spawn}: start mongo-java-server as a separate process and use its URI. */
    public static final String SERVER_PROPERTY = "broadsheet.test.mongodb-server";

    private final String uri;
    private final String database;
    private final MongoServer embedded;

    private TestDatabase(String uri, String database, MongoServer embedded) {
        this.uri = uri;
        this.database = database;
        this.embedded = embedded;
    }

    /** The external MongoDB the tests run against, if one is named (property, environment, or a spawned server). */
    public static Optional<String> externalUri() {
        String uri = System.getProperty(URI_PROPERTY);
        if (uri == null || uri.isBlank()) {
            uri = System.getenv(URI_ENV);
        }
        if ((uri == null || uri.isBlank()) && "spawn".equals(System.getProperty(SERVER_PROPERTY))) {
            uri = MongoServerProcess.shared().uri();
        }
        return uri == null || uri.isBlank() ? Optional.empty() : Optional.of(uri.strip());
    }

    /** The external MongoDB {@code testClass} runs against: the suite's, or a spawned server for an {@link ExternalMongo} class. */
    public static Optional<String> externalUri(Class<?> testClass) {
        Optional<String> suite = externalUri();
        if (suite.isPresent() || !testClass.isAnnotationPresent(ExternalMongo.class)) {
            return suite;
        }
        return Optional.of(MongoServerProcess.shared().uri());
    }

    /** A fresh database; {@code purpose} goes into its name on an external server, to tell leftovers apart. */
    public static TestDatabase create(String purpose) {
        return create(purpose, externalUri());
    }

    /** A fresh database on {@code external}, or on a new in-memory embedded server when it is empty. */
    public static TestDatabase create(String purpose, Optional<String> external) {
        if (external.isPresent()) {
            return new TestDatabase(external.get(), uniqueName(purpose), null);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        return new TestDatabase(server.bindAndGetConnectionString(), "broadsheet", server);
    }

    /** {@code bstest_<purpose>_<random>}: within MongoDB's 63 bytes and its character rules. */
    public static String uniqueName(String purpose) {
        String clean = purpose.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        return "bstest_" + clean.substring(0, Math.min(clean.length(), 24)) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** Drops {@code database} on the MongoDB at {@code uri}. */
    public static void drop(String uri, String database) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase(database).drop();
        }
    }

    public String uri() {
        return uri;
    }

    public String database() {
        return database;
    }

    /** Command-line arguments that point an application instance at this database. */
    public List<String> springArguments() {
        return (embedded == null ? externalProperties(uri, database) : Map.of("spring.mongodb.uri", uri,
                "spring.mongodb.database", database)).entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toList();
    }

    /**
     * The application's settings for {@code database} on an external MongoDB. Its waits get the embedded
     * store's 10 s floor instead of the production 2 s: a test server on a shared CI machine can be slow to
     * answer without being down, and failing fast is tested on an embedded server of its own
     * ({@code DatabaseDownTest}).
     */
    public static Map<String, String> externalProperties(String uri, String database) {
        return Map.of("spring.mongodb.uri", uri, "spring.mongodb.database", database,
                "broadsheet.store.timeouts.server-selection", "10s", "broadsheet.store.timeouts.connect", "10s",
                "broadsheet.store.timeouts.read", "10s");
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.shutdownNow();
        } else {
            drop(uri, database);
        }
    }
}
