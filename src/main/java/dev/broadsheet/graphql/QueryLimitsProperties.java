package dev.broadsheet.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits checked before a query runs, so one request cannot make the server do unbounded work.
 *
 * @param maxDepth      deepest field nesting (an article with three comment levels needs about 12)
 * @param maxComplexity fields counted with list fields multiplied by their page size
 * @param maxAliases    aliased fields in one document
 * @param maxTokens     parser tokens in one document
 */
@ConfigurationProperties("broadsheet.graphql.limits")
public record QueryLimitsProperties(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("100000") int maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("5000") int maxTokens) {
}
