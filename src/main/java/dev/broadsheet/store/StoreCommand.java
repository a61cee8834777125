package dev.broadsheet.store;

import ch.qos.logback.classic.Level;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar broadsheet.jar export --to DIR} and {@code import --from DIR}, without starting the
 * application: on the embedded store's file ({@code --data-dir}, default {@code ./data}; the server must be
 * stopped) or on any MongoDB ({@code --uri}, which also reaches a running embedded store on a fixed
 * {@code broadsheet.store.embedded-port}: an online backup).
 */
public final class StoreCommand {

    private static final Set<String> COMMANDS = Set.of("export", "import");

    private StoreCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = new HashMap<>();
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--force")) {
                force = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                return usage("Unknown argument: " + args[i]);
            }
        }
        boolean export = args[0].equals("export");
        String dir = options.get(export ? "to" : "from");
        if (dir == null) {
            return usage("Missing --" + (export ? "to" : "from") + " DIR");
        }
        String uri = options.getOrDefault("uri", System.getenv("SPRING_MONGODB_URI"));
        EmbeddedMongoServer embedded = null;
        try {
            if (uri == null) {
                embedded = EmbeddedMongoServer.persistentIn(Path.of(options.getOrDefault("data-dir", "./data")), 0);
                uri = embedded.connectionString();
            }
            ConnectionString connection = new ConnectionString(uri);
            String database = options.getOrDefault("database",
                    connection.getDatabase() != null ? connection.getDatabase() : "broadsheet");
            try (MongoClient client = MongoClients.create(connection)) {
                Map<String, Long> counts = export
                        ? StoreTransfer.export(client.getDatabase(database), Path.of(dir))
                        : StoreTransfer.importInto(client.getDatabase(database), Path.of(dir), force);
                counts.forEach((collection, count) -> System.out.printf("%-24s %8d documents%n", collection, count));
                System.out.println((export ? "Exported to " : "Imported from ") + Path.of(dir).toAbsolutePath());
            }
            return 0;
        } catch (StoreStartupException e) {
            System.err.println(e.getMessage());
            System.err.println(e.action());
            return 1;
        } catch (RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: java -jar broadsheet.jar export --to DIR [--data-dir DIR | --uri URI] [--database NAME]");
        System.err.println("       java -jar broadsheet.jar import --from DIR [--data-dir DIR | --uri URI] [--database NAME] [--force]");
        return 2;
    }
}
