package dev.broadsheet.store;

/**
 * An update named a version the document is no longer at: someone else saved first. Nothing was
 * written; the caller decides what the client sees.
 */
public final class VersionConflictException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    VersionConflictException(String collection, String id, long expectedVersion, long currentVersion) {
        super(collection + " " + id + " is at version " + currentVersion + ", not " + expectedVersion, null, false, false);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
