package dev.broadsheet.syndication;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/** Webhook endpoints (admins register them) and their delivery log (editors read it). */
@Service
class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an admin sends to register an endpoint. */
    record WebhookEndpointInput(WebhookEndpoint.Kind kind, String partnerId, String url) {
    }

    /** A new endpoint and its signing secret, shown only here. */
    record CreatedWebhookEndpoint(WebhookEndpoint endpoint, String secret) {
    }

    private final WebhookStore store;
    private final PartnerStore partners;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    WebhookService(WebhookStore store, PartnerStore partners, Callers callers, AuditLog audit, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    CreatedWebhookEndpoint create(WebhookEndpointInput input) {
        Caller admin = callers.require(Role.ADMIN);
        if (input == null || input.kind() == null) {
            throw ApiException.validation("input.kind", "kind is required");
        }
        String url = Inputs.requireHttpUrl("input.url", input.url());
        if (input.kind() == WebhookEndpoint.Kind.PARTNER) {
            if (input.partnerId() == null || partners.find(input.partnerId()).isEmpty()) {
                throw ApiException.validation("input.partnerId", "A PARTNER endpoint names an existing partner");
            }
        } else if (input.partnerId() != null) {
            throw ApiException.validation("input.partnerId", "A CDN endpoint names no partner");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WebhookEndpoint endpoint = new WebhookEndpoint(new ObjectId().toHexString(), input.kind(), input.partnerId(), url,
                secret, true, clock.instant());
        store.insert(endpoint);
        audit.record(admin, "createWebhookEndpoint", "webhookEndpoint", endpoint.id(), 1);
        return new CreatedWebhookEndpoint(endpoint, secret);
    }

    WebhookEndpoint deactivate(String id) {
        Caller admin = callers.require(Role.ADMIN);
        WebhookEndpoint endpoint = store.endpoint(id).orElseThrow(() -> ApiException.notFound("No webhook endpoint " + id));
        WebhookEndpoint deactivated = endpoint.deactivated();
        store.replace(deactivated);
        audit.record(admin, "deactivateWebhookEndpoint", "webhookEndpoint", id, 1);
        return deactivated;
    }

    List<WebhookEndpoint> endpoints(String partnerId) {
        callers.require(Role.ADMIN);
        return store.endpoints(partnerId);
    }

    Connection<WebhookDelivery> deliveries(String endpointId, Integer first, String after) {
        callers.require(Role.EDITOR);
        PageRequest page = PageRequest.of(first, after, 20);
        return Connection.of(store.deliveries(endpointId, page.after(), page.fetchSize()), page.size(),
                page.after() != null, delivery -> Cursor.of(delivery.createdAt(), delivery.id()).encode());
    }
}
