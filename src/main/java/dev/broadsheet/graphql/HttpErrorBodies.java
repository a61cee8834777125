package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised before GraphQL runs (a body that is not JSON, too large or cut off, an unknown path)
 * answer in the GraphQL shape with an {@code extensions.code}, like every other error a client sees.
 */
@Component
class HttpErrorBodies extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> standard = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = standard.get("status") instanceof Integer code ? code : 500;
        ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND
                : status == 401 ? ErrorCode.UNAUTHENTICATED
                : status == 403 ? ErrorCode.FORBIDDEN
                : status < 500 ? ErrorCode.VALIDATION
                : status == 503 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
        String message = switch (code) {
            case NOT_FOUND -> "Nothing here: GraphQL is served by POST (or GET, for queries) at /graphql";
            case VALIDATION -> "The request could not be read: send JSON {\"query\": ..., \"variables\": {...}}";
            default -> String.valueOf(standard.getOrDefault("error", "Error"));
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
        body.put("status", status);
        return body;
    }
}
