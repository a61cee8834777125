package dev.broadsheet.graphql;

import dev.broadsheet.store.StoreFailures;

/** Recognises a store that cannot be reached or cannot take writes now, under any wrapping. */
final class DatabaseUnavailable {

    static final String MESSAGE = "The database is unavailable; try again shortly";

    private DatabaseUnavailable() {
    }

    static boolean causedIt(Throwable failure) {
        return StoreFailures.isUnavailable(failure);
    }
}
