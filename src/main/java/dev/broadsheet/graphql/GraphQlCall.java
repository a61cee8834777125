package dev.broadsheet.graphql;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GraphQL request as the read path sees it (GET parameters or a JSON POST body), with the key of
 * its response in the response cache. The key is the request as sent: the raw query string of a GET,
 * or the negotiated media type and the body bytes of a POST, so that a hit is found without decoding
 * or parsing anything (two spellings of one query are two entries, as at a CDN). Parsed once, by the
 * front filter on a miss, and handed to the handler as a request attribute.
 */
record GraphQlCall(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions, MediaType responseType, String cacheKey) {

    static final String ATTRIBUTE = GraphQlCall.class.getName();

    /** Bodies above this are not cached (nor parsed early): they go the normal way. */
    static final int MAX_CACHED_BODY = 64 * 1024;

    private static final List<MediaType> POST_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, new MediaType("application", "graphql+json"));

    /** Thrown for variables, extensions or a body that are not JSON objects. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    String persistedHash() {
        return DocumentCache.persistedHash(extensions);
    }

    static GraphQlCall fromGet(HttpServletRequest request, JsonMapper json) {
        String query = blankToNull(request.getParameter("query"));
        String operationName = blankToNull(request.getParameter("operationName"));
        String variablesText = request.getParameter("variables");
        Map<String, Object> variables = object(variablesText, json);
        Map<String, Object> extensions = object(request.getParameter("extensions"), json);
        return new GraphQlCall(query, operationName, variables, extensions, MediaType.APPLICATION_JSON,
                getKey(request));
    }

    /** A JSON POST body, or null when it is too large to cache. */
    static GraphQlCall fromPost(HttpServletRequest request, byte[] body, JsonMapper json) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new Malformed("The request body is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Malformed("The request body must be a JSON object");
        }
        String query = map.get("query") instanceof String text ? blankToNull(text) : null;
        String operationName = map.get("operationName") instanceof String name ? blankToNull(name) : null;
        Map<String, Object> variables = copy(map.get("variables"));
        Map<String, Object> extensions = copy(map.get("extensions"));
        MediaType type = responseType(request.getHeader(HttpHeaders.ACCEPT));
        return new GraphQlCall(query, operationName, variables, extensions, type, postKey(request, body));
    }

    /** What Spring for GraphQL's POST handler would answer with for this Accept header. */
    static MediaType responseType(String accept) {
        if (accept != null) {
            try {
                for (MediaType type : MediaType.parseMediaTypes(accept)) {
                    if (POST_TYPES.contains(type)) {
                        return type;
                    }
                }
            } catch (InvalidMediaTypeException e) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return MediaType.APPLICATION_JSON;
    }


    /** The response-cache key of a GET (or HEAD): its raw query string. */
    static String getKey(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET " + (query == null ? "" : query);
    }

    /** The response-cache key of a JSON POST: the media type it will be answered with, and its body bytes. */
    static String postKey(HttpServletRequest request, byte[] body) {
        return "POST " + responseType(request.getHeader(HttpHeaders.ACCEPT)) + " "
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    private static Map<String, Object> object(String text, JsonMapper json) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Object value = json.readValue(text, Object.class);
            if (value == null || value instanceof Map<?, ?>) {
                return copy(value);
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new Malformed("variables and extensions must be JSON objects");
    }

    private static Map<String, Object> copy(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new Malformed("variables and extensions must be JSON objects");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
