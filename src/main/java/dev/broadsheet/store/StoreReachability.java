package dev.broadsheet.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * One {@code ping} before anything else touches the database, so that a wrong or closed address stops the
 * start-up with one line naming what was tried (hosts, never credentials) instead of a driver stack trace
 * from whichever feature happened to create its indexes first.
 */
final class StoreReachability {

    /** The driver's account of the first failed connection, e.g. {@code caused by {java.net.ConnectException: Connection refused}}. */
    private static final Pattern CAUSE = Pattern.compile("caused by \\{[\\w.$]+: ([^}]*)}");
    private static final Pattern EXCEPTION = Pattern.compile("exception=\\{[\\w.$]+: ([^}]*)}");

    private StoreReachability() {
    }

    static void check(MongoDatabase database, ConnectionString connection) {
        try {
            database.runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            throw new StoreStartupException("Cannot reach MongoDB at " + String.join(",", connection.getHosts())
                    + " (database " + database.getName() + ", from spring.mongodb.uri): " + reason(e),
                    "Start MongoDB or correct SPRING_MONGODB_URI (spring.mongodb.uri); unset it to use the embedded store in ./data.",
                    e);
        }
    }

    static String reason(MongoException failure) {
        String message = String.valueOf(failure.getMessage());
        for (Pattern pattern : new Pattern[] {CAUSE, EXCEPTION}) {
            Matcher found = pattern.matcher(message);
            String last = null;
            while (found.find()) {
                last = found.group(1);
            }
            if (last != null) {
                return last.strip();
            }
        }
        return failure instanceof com.mongodb.MongoTimeoutException ? "no server answered in time"
                : message.lines().findFirst().orElse("no answer");
    }
}
