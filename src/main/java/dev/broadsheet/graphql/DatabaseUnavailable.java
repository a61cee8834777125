package dev.broadsheet.graphql;

/** The one message a client gets while the store cannot be reached or cannot take writes. */
final class DatabaseUnavailable {

    static final String MESSAGE = "The database is unavailable; try again shortly";

    private DatabaseUnavailable() {
    }
}
