package dev.broadsheet.graphql;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code private, no-store}; anonymous ones name the entities they were built from in
 * {@code Surrogate-Key}. ({@link GraphQlGetHandler} adds ETag and the public Cache-Control on GET.)
 * A response marked {@link PrivateResponse} (a preview) is treated as authenticated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HttpCachingInterceptor implements WebGraphQlInterceptor {

    static final String SURROGATE_KEY = "Surrogate-Key";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean authenticated = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        Set<String> keys = ConcurrentHashMap.newKeySet();
        if (!authenticated) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(SurrogateKeyInstrumentation.KEYS, keys)).build());
        }
        return chain.next(request).map(response -> {
            HttpHeaders headers = response.getResponseHeaders();
            if (authenticated || PrivateResponse.isMarked(response.getExecutionInput().getGraphQLContext())) {
                headers.set(HttpHeaders.CACHE_CONTROL, "private, no-store");
            } else if (!keys.isEmpty()) {
                headers.set(SURROGATE_KEY, String.join(" ", new TreeSet<>(keys)));
            }
            return response;
        });
    }
}
