package dev.broadsheet.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a driver failure means for a client. Only a store that cannot be reached or cannot take the write
 * now (connection, timeout, server selection, a primary stepping down, the embedded store unable to
 * commit) is "unavailable, try again"; a duplicate key is the caller's input; anything else is a bug.
 */
public final class StoreFailures {

    /** Server answers meaning "not now": no primary, shutting down, unreachable host, or no room to write. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435,
            13436, 262, DurableH2Backend.NOT_WRITABLE);
    private static final Pattern DUP_KEY_FIELD = Pattern.compile("dup key: \\{ ?\"?([A-Za-z0-9_.]+)\"?\\s*:");

    private StoreFailures() {
    }

    /** The store could not be reached or could not take the write now; trying again later may work. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoExecutionTimeoutException || t instanceof MongoServerUnavailableException
                    || t instanceof MongoInterruptedException || t instanceof MongoWriteConcernException) {
                return true;
            }
            if (t instanceof MongoServerException server && TRANSIENT_CODES.contains(server.getCode())) {
                return true;
            }
        }
        return false;
    }

    /** The field of a unique index a write collided on, if {@code failure} is a duplicate key. */
    public static Optional<String> duplicateKeyField(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException mongo && ErrorCategory.fromErrorCode(mongo.getCode()) == ErrorCategory.DUPLICATE_KEY
                    || t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                Matcher field = DUP_KEY_FIELD.matcher(String.valueOf(t.getMessage()));
                return Optional.of(field.find() ? field.group(1) : "input");
            }
        }
        return Optional.empty();
    }
}
