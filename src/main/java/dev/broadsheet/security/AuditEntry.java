package dev.broadsheet.security;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/** Who did what to which entity, when, leaving it at which version. */
public record AuditEntry(@BsonId String id, Instant at, String actorId, String actorName, Role actorRole, String action,
        String entityType, String entityId, long version) {
}
