package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import dev.broadsheet.cache.CacheProperties;
import dev.broadsheet.cache.Caches;
import dev.broadsheet.store.EntityChanged;
import jakarta.servlet.http.Cookie;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphql?query=&variables=&operationName=&extensions=}: queries (never mutations, 405)
 * over GET so that browsers and CDNs can cache them. Anonymous responses without errors are
 * {@code public} with max-age and stale-while-revalidate; every GET response carries an ETag, and a
 * matching {@code If-None-Match} is answered 304. Optionally keeps whole anonymous responses in memory
 * ({@code broadsheet.cache.responses.enabled}), dropped on any write.
 */
@Component
class GraphQlGetHandler {

    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    private record ResponseKey(String query, String operationName, String variables, String extensions) {
    }

    private record Rendered(byte[] body, String etag, String cacheControl, HttpHeaders headers) {
    }

    private final WebGraphQlHandler graphQl;
    private final DocumentCache documents;
    private final JsonMapper json;
    private final HttpCachingProperties http;
    private final Cache<ResponseKey, Rendered> responses;
    private final Object writes = new Object();
    private long generation;

    GraphQlGetHandler(WebGraphQlHandler graphQl, DocumentCache documents, JsonMapper json, HttpCachingProperties http,
            CacheProperties cacheProperties, Caches caches) {
        this.graphQl = graphQl;
        this.documents = documents;
        this.json = json;
        this.http = http;
        this.responses = cacheProperties.enabled() && cacheProperties.responses().enabled()
                ? caches.plain("graphql.responses", cacheProperties.responses().maxSize()) : null;
    }

    /** Ahead of Spring for GraphQL's own routes, which answer GET on the endpoint with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static RouterFunction<ServerResponse> graphQlGetRoute(GraphQlGetHandler handler,
            @Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route(RequestPredicates.GET(path), handler::handle);
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (responses != null) {
            synchronized (writes) {
                generation++;
                responses.invalidateAll();
            }
        }
    }

    ServerResponse handle(ServerRequest request) {
        String query = request.param("query").filter(q -> !q.isBlank()).orElse(null);
        String operationName = request.param("operationName").filter(q -> !q.isBlank()).orElse(null);
        String variablesText = request.param("variables").orElse(null);
        String extensionsText = request.param("extensions").orElse(null);
        boolean anonymous = !request.headers().asHttpHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        // Only read-only queries that ran cleanly are stored, so a stored response is served before any parsing.
        ResponseKey key = new ResponseKey(query, operationName, variablesText, extensionsText);
        Rendered stored = anonymous && responses != null ? responses.getIfPresent(key) : null;
        if (stored != null) {
            return write(request, stored);
        }
        Map<String, Object> variables;
        Map<String, Object> extensions;
        try {
            variables = parseObject(variablesText);
            extensions = parseObject(extensionsText);
        } catch (JacksonException | IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "variables and extensions must be JSON objects");
        }
        String hash = DocumentCache.persistedHash(extensions);
        if (query == null && hash == null) {
            return error(HttpStatus.BAD_REQUEST, "query is required");
        }
        String document = query != null ? query : documents.persistedQuery(hash);
        if (document != null && !documents.isReadOnly(document, operationName)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(JSON).body(errorBody("Mutations must be sent with POST"));
        }
        long started;
        synchronized (writes) {
            started = generation;
        }
        Rendered rendered = execute(request, query, operationName, variables, extensions, anonymous);
        if (anonymous && responses != null && rendered.cacheControl() != null) {
            synchronized (writes) {
                if (generation == started) {
                    responses.put(key, rendered);
                }
            }
        }
        return write(request, rendered);
    }

    private Rendered execute(ServerRequest request, String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions, boolean anonymous) {
        SerializableGraphQlRequest body = new SerializableGraphQlRequest();
        body.setQuery(query);
        body.setOperationName(operationName);
        body.setVariables(variables);
        body.setExtensions(extensions);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                cookies(request), remoteAddress(request), request.attributes(), body, UUID.randomUUID().toString(),
                request.servletRequest().getLocale());
        WebGraphQlResponse response = graphQl.handleRequest(graphQlRequest).block();
        byte[] bytes = json.writeValueAsBytes(response.toMap());
        // A Cache-Control set during execution (a private preview response) keeps the response out of caches.
        boolean cacheable = anonymous && response.getErrors().isEmpty()
                && !response.getResponseHeaders().containsHeader(HttpHeaders.CACHE_CONTROL);
        String cacheControl = cacheable ? http.publicCacheControl() : null;
        return new Rendered(bytes, etag(bytes), cacheControl, response.getResponseHeaders());
    }

    private static ServerResponse write(ServerRequest request, Rendered rendered) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(rendered.headers());
        boolean authenticated = headers.containsHeader(HttpHeaders.CACHE_CONTROL);
        if (!authenticated) {
            headers.setETag(rendered.etag());
            headers.set(HttpHeaders.CACHE_CONTROL, rendered.cacheControl() != null ? rendered.cacheControl() : "no-cache");
            if (matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), rendered.etag())) {
                return ServerResponse.status(HttpStatus.NOT_MODIFIED).headers(h -> h.putAll(headers)).build();
            }
        }
        return ServerResponse.ok().headers(h -> h.putAll(headers)).contentType(JSON).body(rendered.body());
    }

    private static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Object value = json.readValue(text, Object.class);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private ServerResponse error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(JSON).body(errorBody(message));
    }

    private byte[] errorBody(String message) {
        return json.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", ErrorCode.VALIDATION.name())))));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        Cookie[] servletCookies = request.servletRequest().getCookies();
        if (servletCookies != null) {
            for (Cookie cookie : servletCookies) {
                cookies.add(cookie.getName(), new HttpCookie(cookie.getName(), cookie.getValue()));
            }
        }
        return cookies;
    }

    private static InetSocketAddress remoteAddress(ServerRequest request) {
        return request.remoteAddress().orElse(null);
    }
}
