package dev.broadsheet.security;

import java.time.Instant;

/**
 * An API token as stored: only the SHA-256 of its secret is kept, and its first characters for
 * recognising it in a list.
 *
 * @param partnerId the syndication partner a PARTNER token acts as (null for other roles)
 */
public record ApiToken(String id, String name, Role role, String prefix, Instant createdAt, String createdBy,
        Instant revokedAt, String partnerId) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
