package dev.broadsheet.api;

/** The {@code extensions.code} of every error a client can expect. */
public enum ErrorCode {
    NOT_FOUND,
    VALIDATION,
    VERSION_CONFLICT,
    FORBIDDEN,
    UNAUTHENTICATED,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL_ERROR
}
