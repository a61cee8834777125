package dev.broadsheet.graphql;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Caching headers for every GraphQL response, GET or POST: authenticated ones are
 * {@code private, no-store}; anonymous ones name what they were built from in {@code Surrogate-Key}
 * (the request's {@link SurrogateKeys} set, filled where entities are loaded). ({@link GraphQlQueryHandler}
 * adds ETag and the public Cache-Control on GET.) A response marked {@link PrivateResponse} (a preview) is
 * treated as authenticated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HttpCachingInterceptor implements WebGraphQlInterceptor {

    static final String SURROGATE_KEY = "Surrogate-Key";
    private static final int MAX_KEY_LENGTH = 256;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean authenticated = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        Set<String>[] keys = new Set[1];
        if (!authenticated) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> keys[0] = SurrogateKeys.start(context)).build());
        }
        return chain.next(request).map(response -> {
            HttpHeaders headers = response.getResponseHeaders();
            if (authenticated || PrivateResponse.isMarked(response.getExecutionInput().getGraphQLContext())) {
                headers.set(HttpHeaders.CACHE_CONTROL, "private, no-store");
            } else if (keys[0] != null) {
                setSurrogateKey(headers, keys[0]);
            }
            return response;
        });
    }

    /** {@code Surrogate-Key}: the keys in order, space-separated; none when there are none. */
    static void setSurrogateKey(HttpHeaders headers, Set<String> keys) {
        // a key no write can produce (the slug of a 20,000-character lookup) would only overflow the headers
        String surrogateKey = String.join(" ", keys.stream().filter(key -> key.length() <= MAX_KEY_LENGTH)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        if (!surrogateKey.isEmpty()) {
            headers.set(SURROGATE_KEY, surrogateKey);
        }
    }
}
