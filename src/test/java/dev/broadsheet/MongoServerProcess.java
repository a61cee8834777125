package dev.broadsheet;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * mongo-java-server (memory backend) as a separate process, for checking the external-MongoDB switch
 * ({@link ExternalMongo} classes, or {@code broadsheet.test.mongodb-server=spawn}) end to end over a {@code mongodb://} URI without a real mongod.
 *
 * <p>{@link #main} prints {@code LISTENING <port>} and serves until its standard input closes, which
 * happens when the test JVM that started it exits, after the test contexts have dropped their databases.
 */
public final class MongoServerProcess {

    private static final int WORKER_THREADS = 64;

    private static MongoServerProcess shared;

    private final Process process;
    private final String uri;

    private MongoServerProcess(Process process, int port) {
        this.process = process;
        this.uri = "mongodb://127.0.0.1:" + port;
    }

    /** The process started for this test JVM (once). */
    public static synchronized MongoServerProcess shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** The process this test JVM started, if it started one. */
    public static synchronized Optional<MongoServerProcess> started() {
        return Optional.ofNullable(shared);
    }

    public String uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    private static MongoServerProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived server: quick compilation (C1) matters more than peak speed.
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MongoServerProcess.class.getName(), "--port", "0"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = output.readLine()) != null; ) {
                if (line.startsWith("LISTENING ")) {
                    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "mongo-server-process-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new MongoServerProcess(process, Integer.parseInt(line.substring("LISTENING ".length()).strip()));
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("The MongoDB server process exited before listening:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --port N} (0: any free loopback port). */
    public static void main(String[] args) throws IOException {
        quietLogging();
        int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 0;
        MongoServer server = new MongoServer(new MemoryBackend());
        // One worker per connection, as the embedded store has: a slow command holds up only its own connection.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        System.out.println("LISTENING " + server.getLocalAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the parent goes away
        }
        server.shutdownNow();
        System.exit(0);
    }

    private static void quietLogging() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
