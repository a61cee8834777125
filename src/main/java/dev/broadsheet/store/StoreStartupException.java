package dev.broadsheet.store;

/**
 * The embedded store cannot be used (unwritable, damaged, locked): the server refuses to start, and the
 * message, one line naming the file and the cause, is what the operator reads.
 */
public final class StoreStartupException extends RuntimeException {

    private final String action;

    StoreStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
