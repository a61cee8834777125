package dev.broadsheet.api;

import java.util.Optional;

/** What the store layer can say about a failure, so that the API layers can answer it without knowing the driver. */
public interface FailureKinds {

    /** The store cannot be reached or cannot take writes now: worth retrying shortly. */
    boolean isUnavailable(Throwable failure);

    /** The unique field a write clashed on, if the failure was a duplicate key. */
    Optional<String> duplicateKeyField(Throwable failure);
}
