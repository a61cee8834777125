package dev.broadsheet.api;

import java.util.Map;

/** An expected failure that a client should see with its code, message and details. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, message, Map.of("field", field));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    /** Someone else saved {@code currentVersion} first; the client should reload and reapply its change. */
    public static ApiException versionConflict(long expectedVersion, long currentVersion) {
        return new ApiException(ErrorCode.VERSION_CONFLICT, "Someone else saved version " + currentVersion
                + " first; reload and reapply your change",
                Map.of("currentVersion", currentVersion, "expectedVersion", expectedVersion));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
