package dev.broadsheet.embed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fetches an oEmbed response within a deadline and a size limit; every failure is an {@link OEmbedFailure}. */
@Component
class OEmbedClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbedProperties properties;
    private final HttpClient http;

    OEmbedClient(EmbedProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    JsonNode fetch(URI request) {
        HttpRequest get = HttpRequest.newBuilder(request).timeout(properties.timeout())
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(get, info -> new Limited(properties.maxResponseBytes()));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OEmbedFailure(false, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OEmbedFailure failure) {
                throw failure;
            }
            throw e.getCause() instanceof HttpTimeoutException ? timedOut()
                    : new OEmbedFailure(false, "could not reach the provider (" + networkFailure(e.getCause()) + ")");
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            throw new OEmbedFailure(true, "the provider says the post does not exist (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new OEmbedFailure(false, "the provider answered HTTP " + status);
        }
        try {
            JsonNode body = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw new OEmbedFailure(false, "the provider's answer is not an oEmbed object");
            }
            return body;
        } catch (JacksonException e) {
            throw new OEmbedFailure(false, "the provider's answer is not JSON");
        }
    }

    private OEmbedFailure timedOut() {
        return new OEmbedFailure(false, "the provider did not answer within " + properties.timeout().toMillis() + " ms");
    }

    /**
     * Why a fetch failed.
     *
     * @param gone the provider says the post does not exist (404/410), rather than being unreachable
     */
    static final class OEmbedFailure extends RuntimeException {

        private final boolean gone;

        OEmbedFailure(boolean gone, String message) {
            super(message, null, false, false);
            this.gone = gone;
        }

        boolean gone() {
            return gone;
        }
    }

    /** Collects the body, giving up once it passes {@code max} bytes. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final int max;
        private Flow.Subscription subscription;
        private long received;

        Limited(int max) {
            this.max = max;
            bytes.getBody().whenComplete((body, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(body);
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            received += items.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > max) {
                subscription.cancel();
                result.completeExceptionally(new OEmbedFailure(false, "the provider's answer is larger than " + max + " bytes"));
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            bytes.onError(throwable);
        }

        @Override
        public void onComplete() {
            bytes.onComplete();
        }
    }

    /** The failure in words (it is shown to editors as lastFetch.error): never a Java class name. */
    private static String networkFailure(Throwable failure) {
        return failure instanceof java.net.ConnectException ? "connection refused"
                : failure instanceof java.net.UnknownHostException ? "unknown host"
                : failure instanceof javax.net.ssl.SSLException ? "TLS failed" : "network error";
    }
}
