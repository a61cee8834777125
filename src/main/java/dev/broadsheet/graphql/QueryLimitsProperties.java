package dev.broadsheet.graphql;

import dev.broadsheet.api.CallerKind.Kind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits checked before a query runs, so one request cannot make the server do unbounded work. Depth,
 * cost and tokens are set per kind of caller ({@code broadsheet.graphql.limits.anonymous.max-depth=10});
 * a value left unset keeps that kind's default.
 *
 * @param maxAliases aliased fields in one document, for every caller
 * @param anonymous  readers without a token: depth 12, cost 20,000, 5,000 tokens
 * @param partner    syndication partners: depth 15, cost 50,000, 10,000 tokens
 * @param editor     editors: depth 20, cost 200,000, 20,000 tokens
 * @param admin      admins: as editors (a METRICS token gets the anonymous limits)
 */
@ConfigurationProperties("broadsheet.graphql.limits")
public record QueryLimitsProperties(
        @DefaultValue("30") int maxAliases,
        RoleLimits anonymous,
        RoleLimits partner,
        RoleLimits editor,
        RoleLimits admin) {

    public QueryLimitsProperties {
        anonymous = RoleLimits.orDefaults(anonymous, new RoleLimits(12, 20_000, 5_000));
        partner = RoleLimits.orDefaults(partner, new RoleLimits(15, 50_000, 10_000));
        editor = RoleLimits.orDefaults(editor, new RoleLimits(20, 200_000, 20_000));
        admin = RoleLimits.orDefaults(admin, editor);
    }

    RoleLimits of(Kind kind) {
        return switch (kind) {
            case ANONYMOUS -> anonymous;
            case PARTNER -> partner;
            case EDITOR -> editor;
            case ADMIN -> admin;
            case METRICS -> anonymous;
        };
    }

    /**
     * One kind of caller's limits.
     *
     * @param maxDepth      deepest field nesting (an article with three comment levels needs about 12)
     * @param maxComplexity the query's cost: every field counts 1, a list field times the page it asks for
     *                      ({@code first}, default 20)
     * @param maxTokens     parser tokens in one document
     */
    public record RoleLimits(Integer maxDepth, Integer maxComplexity, Integer maxTokens) {

        static RoleLimits orDefaults(RoleLimits configured, RoleLimits defaults) {
            if (configured == null) {
                return defaults;
            }
            return new RoleLimits(configured.maxDepth != null ? configured.maxDepth : defaults.maxDepth,
                    configured.maxComplexity != null ? configured.maxComplexity : defaults.maxComplexity,
                    configured.maxTokens != null ? configured.maxTokens : defaults.maxTokens);
        }
    }
}
