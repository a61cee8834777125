package dev.broadsheet.api;

/**
 * The {@code extensions.code} of every error a client can expect, with the HTTP status that the
 * plain HTTP endpoints (uploads, files, feeds) answer it with.
 */
public enum ErrorCode {
    NOT_FOUND(404),
    VALIDATION(400),
    VERSION_CONFLICT(409),
    FORBIDDEN(403),
    UNAUTHENTICATED(401),
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
