package dev.broadsheet.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import dev.broadsheet.api.ErrorCode;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated documents, kept so a query a front end sends on every page view is parsed once;
 * and Apollo's automatic persisted queries (version 1) through graphql-java's
 * {@link ApolloPersistedQuerySupport}, backed by a Caffeine cache: a request may name its query by
 * {@code extensions.persistedQuery.sha256Hash} alone once the query was sent with its hash. An unknown
 * hash is the error {@code PERSISTED_QUERY_NOT_FOUND}, the client's cue to resend the query in full.
 * Hashes are hex, compared case-insensitively: stored and looked up lowercased.
 */
@Component
public class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<ParsedKey, PreparsedDocumentEntry> parsed;
    private final Cache<String, PreparsedDocumentEntry> persisted;
    private final Cache<String, Document> operations;
    private final ApolloPersistedQuerySupport apollo;

    DocumentCache(MeterRegistry registry) {
        this.parsed = bounded(registry, "graphql.documents", 2_000);
        this.persisted = bounded(registry, "graphql.persistedQueries", 10_000);
        this.operations = bounded(registry, "graphql.operations", 2_000);
        this.apollo = new ApolloPersistedQuerySupport(new CaffeinePersistedQueries()) {
            @Override
            protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
                PreparsedDocumentEntry standard = super.mkMissingError(error);
                Map<String, Object> extensions = new LinkedHashMap<>(standard.getErrors().get(0).getExtensions());
                extensions.put("code", error instanceof PersistedQueryNotFound
                        ? "PERSISTED_QUERY_NOT_FOUND" : ErrorCode.VALIDATION.name());
                return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message(error.getMessage())
                        .extensions(extensions).build());
            }
        };
    }

    private static <K, V> Cache<K, V> bounded(MeterRegistry registry, String name, long maxSize) {
        Cache<K, V> cache = Caffeine.newBuilder().maximumSize(maxSize).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }

    @Bean
    static GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (persistedHash(input.getExtensions()) != null) {
            return apollo.getDocumentAsync(input, parseAndValidate);
        }
        return CompletableFuture.completedFuture(parsed.get(key(input), key -> parseAndValidate.apply(input)));
    }

    /** The document a persisted hash stands for, if it was registered. */
    Optional<Document> persistedDocument(String hash) {
        return Optional.ofNullable(hash == null ? null : persisted.getIfPresent(hash.toLowerCase(Locale.ROOT)))
                .filter(entry -> !entry.hasErrors()).map(PreparsedDocumentEntry::getDocument);
    }

    /** Whether the operation that {@code query} runs (named, or its only one) is a query, not a mutation. */
    boolean isReadOnly(String query, String operationName) {
        Document document;
        try {
            document = operations.get(query, Parser::parse);
        } catch (RuntimeException e) {
            return true; // not parseable: execution reports the syntax error
        }
        return isReadOnly(document, operationName);
    }

    static boolean isReadOnly(Document document, String operationName) {
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

    /** The persisted-query store graphql-java asks: parsed documents by lowercased hash. */
    private final class CaffeinePersistedQueries implements PersistedQueryCache {

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id, ExecutionInput input,
                PersistedQueryCacheMiss onCacheMiss) {
            String key = String.valueOf(id).toLowerCase(Locale.ROOT);
            PreparsedDocumentEntry entry = persisted.getIfPresent(key);
            if (entry == null) {
                String query = input.getQuery();
                if (query == null || query.isBlank() || query.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER)) {
                    throw new PersistedQueryNotFound(id); // Spring's marker for "hash only"
                }
                entry = onCacheMiss.apply(query);
                if (!entry.hasErrors()) {
                    persisted.put(key, entry);
                }
            }
            return CompletableFuture.completedFuture(entry);
        }
    }

    /**
     * A parsed document is kept per parser token limit as well as per text: the limit depends on the caller
     * ({@link QueryLimits}), and a document refused (or accepted) under one limit says nothing about another.
     */
    private record ParsedKey(int maxTokens, String query) {
    }

    private static ParsedKey key(ExecutionInput input) {
        ParserOptions options = input.getGraphQLContext().get(ParserOptions.class);
        return new ParsedKey(options == null ? -1 : options.getMaxTokens(), input.getQuery());
    }
}
