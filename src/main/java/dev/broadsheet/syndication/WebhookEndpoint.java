package dev.broadsheet.syndication;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Where article events are POSTed: a partner's endpoint, or a CDN purge hook (no partner). The secret
 * signs every delivery; it is kept because signing needs it, and shown to the admin only once.
 * (Public only for the driver's record codec.)
 */
public record WebhookEndpoint(
        @BsonId String id,
        Kind kind,
        String partnerId,
        String url,
        String secret,
        boolean active,
        Instant createdAt) {

    public enum Kind { PARTNER, CDN }

    WebhookEndpoint deactivated() {
        return new WebhookEndpoint(id, kind, partnerId, url, secret, false, createdAt);
    }
}
