package dev.broadsheet.graphql;

import dev.broadsheet.api.CachedResponses;
import dev.broadsheet.api.ErrorBody;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.Hashes;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
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
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read path over HTTP, executed synchronously on the request thread:
 * <ul>
 * <li>{@code GET} and {@code HEAD /graphql?query=&variables=&operationName=&extensions=}: queries (never
 * mutations, 405) so that browsers and CDNs can cache them. Anonymous responses without errors are
 * {@code public} with max-age and stale-while-revalidate and carry an ETag (a matching
 * {@code If-None-Match} is answered 304 by Spring's {@code checkNotModified}).</li>
 * <li>anonymous {@code POST /graphql} with a JSON body that the front filter parsed ({@link GraphQlCall});
 * anything else (a token, another body type) stays with Spring for GraphQL's own handler.</li>
 * </ul>
 * Anonymous error-free query responses are kept whole in the response cache ({@link CachedResponses}), tagged with their
 * surrogate keys (a response with none is not kept: no write could purge it); {@link ResponseCacheFilter} answers the next identical request before Spring Security.
 */
@Component
class GraphQlQueryHandler {

    private final WebGraphQlHandler graphQl;
    private final DocumentCache documents;
    private final JsonMapper json;
    private final HttpCachingProperties http;
    private final CachedResponses responses;
    private final DirectQueryExecution direct;

    GraphQlQueryHandler(WebGraphQlHandler graphQl, DocumentCache documents, JsonMapper json, HttpCachingProperties http,
            CachedResponses responses, DirectQueryExecution direct) {
        this.direct = direct;
        this.graphQl = graphQl;
        this.documents = documents;
        this.json = json;
        this.http = http;
        this.responses = responses;
    }

    /** Ahead of Spring for GraphQL's own routes, which answer GET on the endpoint with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static RouterFunction<ServerResponse> graphQlQueryRoute(GraphQlQueryHandler handler,
            @Value("${spring.graphql.http.path:/graphql}") String path) {
        RequestPredicate parsedPost = RequestPredicates.POST(path)
                .and(request -> request.attribute(GraphQlCall.ATTRIBUTE).isPresent());
        return RouterFunctions.route(RequestPredicates.GET(path).or(RequestPredicates.HEAD(path)), handler::get)
                .andRoute(parsedPost, handler::post);
    }

    ServerResponse get(ServerRequest request) {
        GraphQlCall call;
        try {
            call = request.attribute(GraphQlCall.ATTRIBUTE).map(GraphQlCall.class::cast)
                    .orElseGet(() -> GraphQlCall.fromGet(request.servletRequest(), json));
        } catch (GraphQlCall.Malformed e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (call.query() == null && call.persistedHash() == null) {
            return error(HttpStatus.BAD_REQUEST, "query is required");
        }
        boolean readOnly = call.query() != null ? documents.isReadOnly(call.query(), call.operationName())
                : documents.persistedDocument(call.persistedHash())
                        .map(document -> DocumentCache.isReadOnly(document, call.operationName())).orElse(true);
        if (!readOnly) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(MediaType.APPLICATION_JSON).body(errorBody("Mutations must be sent with POST"));
        }
        if (isAnonymous(request)) {
            long begun = responses.begin();
            DirectQueryExecution.Outcome outcome = direct.execute(call, request.servletRequest().getLocale());
            byte[] body = json.writeValueAsBytes(outcome.body());
            HttpHeaders headers = headersOf(outcome);
            if (!outcome.privateResponse()) {
                headers.set(HttpHeaders.CACHE_CONTROL, outcome.clean() ? http.publicCacheControl() : "no-cache");
                if (outcome.clean()) {
                    String etag = etag(body);
                    headers.setETag(etag);
                    store(call, body, etag, MediaType.APPLICATION_JSON, headers, begun);
                }
            }
            return bytes(HttpStatus.OK, MediaType.APPLICATION_JSON, headers, body);
        }
        WebGraphQlResponse response = execute(request, call);
        return bytes(HttpStatus.OK, MediaType.APPLICATION_JSON, response.getResponseHeaders(),
                json.writeValueAsBytes(response.toMap()));
    }

    ServerResponse post(ServerRequest request) {
        GraphQlCall call = (GraphQlCall) request.attribute(GraphQlCall.ATTRIBUTE).orElseThrow();
        if (call.query() == null && call.persistedHash() == null) {
            return error(HttpStatus.BAD_REQUEST, "query is required (a string)");
        }
        if (!isQuery(call)) {
            WebGraphQlResponse response = execute(request, call);
            return bytes(status(call, response.getExecutionResult().isDataPresent()), call.responseType(),
                    response.getResponseHeaders(), json.writeValueAsBytes(response.toMap()));
        }
        long begun = responses.begin();
        DirectQueryExecution.Outcome outcome = direct.execute(call, request.servletRequest().getLocale());
        byte[] body = json.writeValueAsBytes(outcome.body());
        HttpHeaders headers = headersOf(outcome);
        HttpStatus status = status(call, outcome.result().isDataPresent());
        if (status == HttpStatus.OK && outcome.clean() && !outcome.privateResponse()) {
            store(call, body, null, call.responseType(), headers, begun);
        }
        return bytes(status, call.responseType(), headers, body);
    }

    /**
     * The serialized body written straight to the servlet response: no message-converter negotiation
     * per request. Spring still answers a matching If-None-Match with 304 before this runs, and HEAD
     * gets the headers only.
     */
    private static ServerResponse bytes(HttpStatus status, MediaType type, HttpHeaders headers, byte[] body) {
        return ServerResponse.status(status).headers(h -> h.putAll(headers)).contentType(type)
                .build((request, response) -> {
                    response.setContentLength(body.length);
                    if (!HttpMethod.HEAD.matches(request.getMethod())) {
                        response.getOutputStream().write(body);
                    }
                    return null;
                });
    }

    /** As Spring for GraphQL answers: 400 for a response without data when the client accepts graphql-response+json. */
    private static HttpStatus status(GraphQlCall call, boolean dataPresent) {
        return call.responseType().equals(MediaTypes.APPLICATION_GRAPHQL_RESPONSE) && !dataPresent
                ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
    }

    /** What {@link HttpCachingInterceptor} sets on Spring's path, for a direct execution. */
    private static HttpHeaders headersOf(DirectQueryExecution.Outcome outcome) {
        HttpHeaders headers = new HttpHeaders();
        if (outcome.privateResponse()) {
            headers.set(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else {
            HttpCachingInterceptor.setSurrogateKey(headers, outcome.keys());
        }
        return headers;
    }

    private boolean isQuery(GraphQlCall call) {
        return call.query() != null ? documents.isReadOnly(call.query(), call.operationName())
                : documents.persistedDocument(call.persistedHash())
                        .map(document -> DocumentCache.isReadOnly(document, call.operationName())).orElse(false);
    }

    private void store(GraphQlCall call, byte[] body, String etag, MediaType type, HttpHeaders headers, long begun) {
        if (!responses.enabled()) {
            return;
        }
        String surrogateKey = headers.getFirst(HttpCachingInterceptor.SURROGATE_KEY);
        if (surrogateKey == null || surrogateKey.isBlank()) {
            return; // nothing a write could purge it by
        }
        Set<String> tags = Set.copyOf(Arrays.asList(surrogateKey.split(" ")));
        responses.put(call.cacheKey(), new CachedResponses.Entry(body, etag == null ? "" : etag, type.toString(),
                surrogateKey, tags), begun);
    }

    private WebGraphQlResponse execute(ServerRequest request, GraphQlCall call) {
        SerializableGraphQlRequest body = new SerializableGraphQlRequest();
        body.setQuery(call.query());
        body.setOperationName(call.operationName());
        body.setVariables(call.variables());
        body.setExtensions(call.extensions());
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
                UUID.randomUUID().toString(), request.servletRequest().getLocale());
        return graphQl.handleRequest(graphQlRequest).block();
    }

    static boolean isAnonymous(ServerRequest request) {
        return !request.headers().asHttpHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }

    private ServerResponse error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(errorBody(message));
    }

    private static String errorBody(String message) {
        return ErrorBody.json(ErrorCode.VALIDATION, message);
    }

    static String etag(byte[] body) {
        return "\"" + Hashes.sha256Hex(body).substring(0, 32) + "\"";
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
}
