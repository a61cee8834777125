package dev.broadsheet.security;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An API token as stored: only the SHA-256 of its secret is kept, and its first characters for
 * recognising it in a list.
 *
 * @param partnerId the syndication partner a PARTNER token acts as (null for other roles)
 */
public record ApiToken(@BsonId String id, String name, Role role, String prefix, Instant createdAt, String createdBy,
        Instant revokedAt, String partnerId) {
}
