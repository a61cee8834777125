package dev.broadsheet.syndication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued deliveries, each endpoint's strictly in order: only an endpoint's oldest pending
 * delivery is ever sent, so a failing endpoint holds its later events back (at least once, in order).
 * An instance sends a delivery only after claiming its lease, so instances do not send the same
 * delivery twice in normal operation; a lease left by a crashed instance expires and the delivery is
 * sent again. A failure waits {@code firstRetry}, doubled per attempt up to {@code maxRetryWait}, and
 * a delivery still failing {@code giveUpAfter} after its event is marked FAILED so the endpoint moves on.
 * A CDN endpoint also gets the payload's keys in a {@code Surrogate-Key} header, which a cache such as
 * Varnish (xkey) purges by without parsing the body.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_PER_ENDPOINT_PER_ROUND = 20;
    private static final int MAX_ERROR_LENGTH = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final SyndicationProperties.Webhooks settings;
    private final Clock clock;
    private final HttpClient http;
    private final String instance = UUID.randomUUID().toString();

    WebhookDispatcher(WebhookStore store, SyndicationProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${broadsheet.syndication.webhooks.poll-interval:PT1S}")
    void deliverDueQuietly() {
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries failed this round; retrying on the next: {}", e.toString());
        }
    }

    /** One round at {@code now}: each active endpoint's due deliveries, oldest first. Returns attempts made. */
    int deliverDue(Instant now) {
        int attempts = 0;
        for (WebhookEndpoint endpoint : store.activeEndpoints()) {
            for (int i = 0; i < MAX_PER_ENDPOINT_PER_ROUND; i++) {
                Optional<WebhookDelivery> head = store.head(endpoint.id());
                if (head.isEmpty()) {
                    break;
                }
                Optional<WebhookDelivery> claimed = store.claim(head.get().id(), now, now.plus(settings.lease()), instance);
                if (claimed.isEmpty()) {
                    break;
                }
                attempts++;
                if (!attempt(endpoint, claimed.get(), now)) {
                    break;
                }
            }
        }
        return attempts;
    }

    /** Sends one delivery and records the outcome; true when the endpoint may get its next one now. */
    private boolean attempt(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        Integer status = null;
        String error;
        try {
            long timestamp = now.getEpochSecond();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Broadsheet-Webhooks/1")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, delivery.payload()))
                    .header("Broadsheet-Delivery", delivery.id())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()));
            if (endpoint.kind() == WebhookEndpoint.Kind.CDN) {
                request.header("Surrogate-Key", surrogateKeys(delivery.payload()));
            }
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                store.finish(delivery, instance, WebhookDelivery.Status.DELIVERED, status, null, delivery.nextAttemptAt(), now);
                return true;
            }
            error = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            error = networkFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        error = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        if (!now.isBefore(delivery.createdAt().plus(settings.giveUpAfter()))) {
            store.finish(delivery, instance, WebhookDelivery.Status.FAILED, status, error, delivery.nextAttemptAt(), null);
            return true;
        }
        store.finish(delivery, instance, WebhookDelivery.Status.PENDING, status, error,
                now.plus(backoff(delivery.attempts() + 1)), null);
        return false;
    }

    private static String surrogateKeys(String payload) {
        StringBuilder keys = new StringBuilder();
        for (JsonNode key : JSON.readTree(payload).path("surrogateKeys")) {
            keys.append(keys.isEmpty() ? "" : " ").append(key.asString());
        }
        return keys.toString();
    }

    /** The wait after the {@code attempt}-th failure: firstRetry, doubled each time, at most maxRetryWait. */
    Duration backoff(int attempt) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempt && wait.compareTo(settings.maxRetryWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    /** What went wrong, in words an admin reads in {@code lastError}: never a Java class name. */
    static String networkFailure(Exception failure) {
        String kind = failure instanceof java.net.http.HttpTimeoutException ? "timed out"
                : failure instanceof java.net.ConnectException ? "connection refused"
                : failure instanceof java.net.UnknownHostException ? "unknown host"
                : failure instanceof javax.net.ssl.SSLException ? "TLS failed"
                : failure instanceof IllegalArgumentException ? "invalid URL" : "network error";
        String detail = failure.getMessage();
        return detail == null || detail.isBlank() || detail.contains("java.") || detail.contains("Exception") ? kind
                : kind + ": " + detail;
    }
}
