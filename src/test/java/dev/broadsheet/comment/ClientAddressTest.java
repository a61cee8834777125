package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Which address a reader's rate limits and reports count against. The test application trusts
 * X-Forwarded-For (so tests can post as readers of their own); a newsroom's default must not, or any
 * reader could choose an address per request.
 */
class ClientAddressTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 50_000);

    @Test
    void byDefaultAForgedForwardedForIsIgnoredAndTheSocketPeerCounts() {
        assertThat(addressSeen(properties(Map.of()), "198.51.100.7")).isEqualTo("192.0.2.10");
    }

    @Test
    void behindATrustedProxyTheEntryTheProxyAppendedCountsNotTheOneTheClientWrote() {
        CommentProperties trusting = properties(Map.of("broadsheet.comments.trust-forwarded-for", "true"));

        assertThat(addressSeen(trusting, "198.51.100.7, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(addressSeen(trusting, "not an address")).isEqualTo("192.0.2.10");
    }

    private static CommentProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("broadsheet.comments", CommentProperties.class);
    }

    private static String addressSeen(CommentProperties properties, String forwardedFor) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", forwardedFor);
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers,
                new LinkedMultiValueMap<>(), PEER, Map.of(), Map.of("query", "{ __typename }"), "1", null);
        AtomicReference<String> seen = new AtomicReference<>();
        new ClientAddressInterceptor(properties).intercept(request, next -> {
            seen.set(next.toExecutionInput().getGraphQLContext().get(ClientAddressInterceptor.CONTEXT_KEY));
            return Mono.empty();
        }).block();
        return seen.get();
    }
}
