package dev.broadsheet.comment;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

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

    /** Adds these fields to a comment document about to be inserted. */
    void addTo(BsonDocument comment) {
        // Absent rather than null: the sparse unique index ignores comments without a key.
        if (idempotencyKey != null) {
            comment.put("idempotencyKey", new BsonString(idempotencyKey));
        }
        comment.put("fingerprint", string(fingerprint));
        comment.put("clientKey", string(clientKey));
        comment.put("authorKey", string(authorKey));
    }

    private static BsonValue string(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }
}
