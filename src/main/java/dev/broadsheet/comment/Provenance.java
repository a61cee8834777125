package dev.broadsheet.comment;

/**
 * Where a new comment came from, kept beside it for idempotent retries and duplicate checks, never served
 * (stored as extra fields of the comment document, outside the {@link Comment} record).
 *
 * @param idempotencyKey the client's key, or null
 * @param fingerprint    a hash of the folded text
 * @param clientKey      a hash of the client address, or null
 * @param authorKey      the folded author name
 */
record Provenance(String idempotencyKey, String fingerprint, String clientKey, String authorKey) {
}
