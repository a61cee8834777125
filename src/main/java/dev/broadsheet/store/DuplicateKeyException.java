package dev.broadsheet.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;

/** A write would have broken a unique index (a slug already taken, say). Nothing was written. */
public final class DuplicateKeyException extends RuntimeException {

    private DuplicateKeyException(MongoException cause) {
        super("Duplicate key", cause, false, false);
    }

    /** Runs {@code write}, reporting a unique-index clash as this exception and anything else as it was. */
    public static <T> T translate(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoServerException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKeyException(e);
            }
            throw e;
        }
    }

    public static void translate(Runnable write) {
        translate(() -> {
            write.run();
            return null;
        });
    }
}
