package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import java.util.Map;

/**
 * The {@code extensions.classification} a client sees: the API's own error code, never a graphql-java or
 * Spring class of error ({@code DataFetchingException}, {@code ValidationError}, {@code InvalidSyntax}).
 */
record ApiClassification(String code) implements ErrorClassification {

    /** graphql-java's and Spring's classifications of errors that carry no code of ours. */
    private static final Map<String, ErrorCode> CODES = Map.ofEntries(
            Map.entry(ErrorType.InvalidSyntax.name(), ErrorCode.VALIDATION),
            Map.entry(ErrorType.ValidationError.name(), ErrorCode.VALIDATION),
            Map.entry(ErrorType.ExecutionAborted.name(), ErrorCode.VALIDATION),
            Map.entry(ErrorType.OperationNotSupported.name(), ErrorCode.VALIDATION),
            Map.entry(org.springframework.graphql.execution.ErrorType.BAD_REQUEST.name(), ErrorCode.VALIDATION),
            Map.entry(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED.name(), ErrorCode.UNAUTHENTICATED),
            Map.entry(org.springframework.graphql.execution.ErrorType.FORBIDDEN.name(), ErrorCode.FORBIDDEN),
            Map.entry(org.springframework.graphql.execution.ErrorType.NOT_FOUND.name(), ErrorCode.NOT_FOUND));

    /**
     * The code for an error: its own {@code extensions.code} (ours, or one the API documents such as
     * {@code PERSISTED_QUERY_NOT_FOUND}), else what its classification means.
     */
    static String codeOf(Map<String, Object> extensions, ErrorClassification classification) {
        if (extensions.get("code") instanceof String code && !code.isBlank()) {
            return code;
        }
        return (classification == null ? ErrorCode.INTERNAL_ERROR
                : CODES.getOrDefault(String.valueOf(classification), ErrorCode.INTERNAL_ERROR)).name();
    }

    @Override
    public Object toSpecification(GraphQLError error) {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
