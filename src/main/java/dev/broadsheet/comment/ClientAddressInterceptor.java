package dev.broadsheet.comment;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address into the GraphQL context for rate limits and report counting: the socket's
 * peer, or — only when {@code broadsheet.comments.trust-forwarded-for} is set, behind a proxy that
 * appends it — the last X-Forwarded-For entry.
 */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

    static final String CONTEXT_KEY = "broadsheet.clientAddress";
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

    private final boolean trustForwardedFor;

    ClientAddressInterceptor(CommentProperties properties) {
        this.trustForwardedFor = properties.trustForwardedFor();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String address = address(request);
        if (address != null) {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(CONTEXT_KEY, address);
                return input;
            });
        }
        return chain.next(request);
    }

    private String address(WebGraphQlRequest request) {
        if (trustForwardedFor) {
            List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isEmpty()) {
                String[] hops = String.join(",", forwarded).split(",");
                String last = hops[hops.length - 1].trim();
                if (ADDRESS.matcher(last).matches()) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
