package dev.broadsheet.syndication;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One event for one endpoint, kept until delivered or given up, so deliveries survive a restart.
 * {@code seq} (the article change's write-sequence number) orders an endpoint's deliveries; an
 * instance sends one only while holding its lease. (Public only for the driver's record codec.)
 *
 * @param id        {@code endpointId:articleId:version}, so the same change is queued once however many
 *                  instances react to it
 * @param payload   the JSON body, fixed when queued; the timestamp and signature are made per attempt
 */
public record WebhookDelivery(
        @BsonId String id,
        String endpointId,
        String articleId,
        long version,
        long seq,
        String type,
        String payload,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String leaseOwner,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
