package dev.broadsheet.graphql;

import dev.broadsheet.api.CallerKind;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every error a client sees carries an {@code extensions.code}, and its {@code classification} is that
 * same code: request-level errors (syntax, unknown fields, wrong argument types, limits) are VALIDATION
 * like field-level validation, anything without a code of ours is INTERNAL_ERROR. No graphql-java or
 * Spring name of an error class reaches a client, so clients handle one scheme.
 */
@Component
class RequestErrorCodes implements WebGraphQlInterceptor {

    /** graphql-java's parser message when a document passes the token limit. */
    private static final Pattern TOO_MANY_TOKENS = Pattern.compile("More than ([\\d,.]+) (?:'\\w+' )?(?:parse )?tokens");

    private final CallerKind callers;

    RequestErrorCodes(CallerKind callers) {
        this.callers = callers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().isEmpty()) {
                return response;
            }
            List<GraphQLError> errors = coded(response.getExecutionResult().getErrors());
            return response.transform(builder -> builder.errors(errors));
        });
    }

    /** The errors of a result with our codes and classifications (also for {@link DirectQueryExecution}). */
    List<GraphQLError> coded(List<GraphQLError> errors) {
        return errors.isEmpty() ? errors : errors.stream().map(this::withCode).toList();
    }

    private GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(error.getExtensions());
        String code = ApiClassification.codeOf(extensions, error.getErrorType());
        extensions.put("code", code);
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message(error.getMessage()))
                .locations(error.getLocations())
                .errorType(new ApiClassification(code))
                .extensions(extensions);
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private String message(String message) {
        if (message == null) {
            return "Error";
        }
        Matcher tooMany = TOO_MANY_TOKENS.matcher(message);
        if (tooMany.find()) {
            return "The query has more than " + tooMany.group(1).replaceAll("[,.]", "") + " tokens, the "
                    + callers.kind().name().toLowerCase(Locale.ROOT) + " limit of the parser";
        }
        return message;
    }
}
