package dev.broadsheet.syndication;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.store.ById;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** Webhook endpoints, their queued deliveries, and the article states deliveries were queued for. */
@Repository
class WebhookStore {

    private static final Document QUEUE_ORDER = new Document("seq", 1).append("createdAt", 1).append("_id", 1);

    private final MongoCollection<WebhookEndpoint> endpoints;
    private final MongoCollection<WebhookDelivery> deliveries;
    private final MongoCollection<WebhookArticleState> states;

    WebhookStore(MongoDatabase database) {
        this.endpoints = database.getCollection("webhooks", WebhookEndpoint.class);
        this.deliveries = database.getCollection("webhook_deliveries", WebhookDelivery.class);
        this.states = database.getCollection("webhook_article_states", WebhookArticleState.class);
        deliveries.createIndex(new Document("endpointId", 1).append("status", 1).append("seq", 1));
        deliveries.createIndex(new Document("endpointId", 1).append("createdAt", -1).append("_id", -1));
    }

    void insert(WebhookEndpoint endpoint) {
        endpoints.insertOne(endpoint);
    }

    Optional<WebhookEndpoint> endpoint(String id) {
        return ById.find(endpoints, id);
    }

    List<WebhookEndpoint> activeEndpoints() {
        return endpoints.find(eq("active", true)).into(new ArrayList<>());
    }

    List<WebhookEndpoint> endpoints(String partnerId) {
        return endpoints.find(partnerId == null ? new Document() : eq("partnerId", partnerId))
                .sort(new Document("createdAt", 1)).into(new ArrayList<>());
    }

    void replace(WebhookEndpoint endpoint) {
        endpoints.replaceOne(eq("_id", endpoint.id()), endpoint);
    }

    /** Queues a delivery; the same change for the same endpoint is queued once. */
    void enqueue(WebhookDelivery delivery) {
        try {
            deliveries.insertOne(delivery);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The endpoint's oldest pending delivery: nothing later is sent before it. */
    Optional<WebhookDelivery> head(String endpointId) {
        return Optional.ofNullable(deliveries.find(and(eq("endpointId", endpointId),
                eq("status", WebhookDelivery.Status.PENDING.name()))).sort(QUEUE_ORDER).first());
    }

    /** Takes the lease on a due delivery unless another instance holds it; empty when someone else won. */
    Optional<WebhookDelivery> claim(String id, Instant now, Instant leaseUntil, String owner) {
        Bson free = or(eq("leaseUntil", null), lte("leaseUntil", now));
        return Optional.ofNullable(deliveries.findOneAndUpdate(
                and(eq("_id", id), eq("status", WebhookDelivery.Status.PENDING.name()), lte("nextAttemptAt", now), free),
                Updates.combine(Updates.set("leaseUntil", leaseUntil), Updates.set("leaseOwner", owner)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Records an attempt's outcome, if this instance still holds the lease. */
    void finish(WebhookDelivery claimed, String owner, WebhookDelivery.Status status, Integer statusCode, String error,
            Instant nextAttemptAt, Instant deliveredAt) {
        deliveries.updateOne(and(eq("_id", claimed.id()), eq("leaseOwner", owner)), Updates.combine(
                Updates.set("status", status.name()), Updates.inc("attempts", 1),
                Updates.set("lastStatusCode", statusCode), Updates.set("lastError", error),
                Updates.set("nextAttemptAt", nextAttemptAt), Updates.set("deliveredAt", deliveredAt),
                Updates.set("leaseUntil", null), Updates.set("leaseOwner", null)));
    }

    List<WebhookDelivery> deliveries(String endpointId, Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("endpointId", endpointId)));
        if (after != null) {
            filters.add(or(lt("createdAt", after.time()), and(eq("createdAt", after.time()), lt("_id", after.id()))));
        }
        return deliveries.find(and(filters)).sort(new Document("createdAt", -1).append("_id", -1)).limit(limit)
                .into(new ArrayList<>());
    }

    Optional<WebhookArticleState> state(String articleId) {
        return ById.find(states, articleId);
    }

    /** Moves an article's state from {@code previous} (null: none yet) to {@code next}; false if someone else did first. */
    boolean advance(WebhookArticleState previous, WebhookArticleState next) {
        if (previous == null) {
            try {
                states.insertOne(next);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return states.replaceOne(and(eq("_id", previous.id()), eq("version", previous.version())), next)
                .getMatchedCount() == 1;
    }
}
