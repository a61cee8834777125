package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import dev.broadsheet.cache.Caches;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated documents, kept so a query a front end sends on every page view is parsed once;
 * and Apollo's automatic persisted queries (version 1): a request may name its query by
 * {@code extensions.persistedQuery.sha256Hash} alone once the query was sent with its hash (which must
 * match). An unknown hash is the error {@code PERSISTED_QUERY_NOT_FOUND}, the client's cue to resend
 * the query in full.
 */
@Component
public class DocumentCache implements PreparsedDocumentProvider {

    /** What Spring for GraphQL puts in place of the query when a request carries only a persisted hash. */
    static final String PERSISTED_QUERY_MARKER = "PersistedQueryMarker";

    private final Cache<String, PreparsedDocumentEntry> parsed;
    private final Cache<String, String> persisted;
    private final Cache<String, Document> operations;

    DocumentCache(Caches caches) {
        this.parsed = caches.plain("graphql.documents", 2_000);
        this.persisted = caches.plain("graphql.persistedQueries", 10_000);
        this.operations = caches.plain("graphql.operations", 2_000);
    }

    @Bean
    static GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String hash = persistedHash(input.getExtensions());
        ExecutionInput resolved = input;
        if (hash != null) {
            if (PERSISTED_QUERY_MARKER.equals(input.getQuery())) {
                String query = persisted.getIfPresent(hash);
                if (query == null) {
                    return CompletableFuture.completedFuture(error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"));
                }
                resolved = input.transform(builder -> builder.query(query));
            } else if (!hash.equalsIgnoreCase(sha256(input.getQuery()))) {
                return CompletableFuture.completedFuture(
                        error("provided sha does not match query", ErrorCode.VALIDATION.name()));
            } else {
                persisted.put(hash.toLowerCase(), input.getQuery());
            }
        }
        ExecutionInput toParse = resolved;
        PreparsedDocumentEntry entry = parsed.get(toParse.getQuery(), query -> parseAndValidate.apply(toParse));
        return CompletableFuture.completedFuture(entry);
    }

    /** The query a persisted hash stands for, if it was registered. */
    String persistedQuery(String hash) {
        return hash == null ? null : persisted.getIfPresent(hash.toLowerCase());
    }

    /** Whether the operation that {@code query} runs (named, or its only one) is a query, not a mutation. */
    boolean isReadOnly(String query, String operationName) {
        Document document;
        try {
            document = operations.get(query, text -> Parser.parse(text));
        } catch (RuntimeException e) {
            return true; // not parseable: execution reports the syntax error
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(operation.getName())) {
                if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
                    return false;
                }
            }
        }
        return true;
    }

    static String persistedHash(Map<String, Object> extensions) {
        if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persistedQuery
                && persistedQuery.get("sha256Hash") instanceof String hash) {
            return hash;
        }
        return null;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparsedDocumentEntry error(String message, String code) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", code)).build());
    }
}
