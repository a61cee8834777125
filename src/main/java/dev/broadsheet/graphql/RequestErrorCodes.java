package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request-level errors (syntax, unknown fields, wrong argument types) the same
 * {@code extensions.code = VALIDATION} as field-level validation, so clients handle one scheme.
 */
@Component
class RequestErrorCodes implements WebGraphQlInterceptor {

    private static final List<ErrorClassification> CLIENT_ERRORS = List.of(ErrorType.InvalidSyntax, ErrorType.ValidationError,
            ErrorType.ExecutionAborted);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().noneMatch(RequestErrorCodes::needsCode)) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(RequestErrorCodes::withCode).toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    /** The same rule for a result executed without the interceptor chain ({@link DirectQueryExecution}). */
    static List<GraphQLError> withCodes(List<GraphQLError> errors) {
        if (errors.stream().noneMatch(RequestErrorCodes::needsCode)) {
            return errors;
        }
        return errors.stream().map(error -> needsCode(error) ? withCode(error) : error).toList();
    }

    private static boolean needsCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        return (extensions == null || !extensions.containsKey("code")) && CLIENT_ERRORS.contains(error.getErrorType());
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(error.getExtensions());
        extensions.put("code", ErrorCode.VALIDATION.name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static boolean needsCode(ResponseError error) {
        return !error.getExtensions().containsKey("code") && CLIENT_ERRORS.contains(error.getErrorType());
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        if (needsCode(error)) {
            extensions.put("code", ErrorCode.VALIDATION.name());
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
