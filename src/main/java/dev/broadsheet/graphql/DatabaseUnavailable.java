package dev.broadsheet.graphql;

import com.mongodb.MongoException;

/** Recognises a failure to reach MongoDB (timeouts, refused or broken connections) under any wrapping. */
final class DatabaseUnavailable {

    static final String MESSAGE = "The database is unavailable; try again shortly";

    private DatabaseUnavailable() {
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
