package dev.broadsheet.graphql;

/** Queries at and past the query limits, shared by the unit test of the limits and the tests over HTTP. */
final class LimitQueries {

    static final String SLUG = "dock-workers-walk-out-over-pay-freeze";

    /** Cost 22,041: 20 articles × (1 + 50 comments × (1 + 20 replies)), and the three pages themselves. */
    static final String COSTLY = "{ articles(first: 20) { edges { node { comments(first: 50) { edges { node { "
            + "replies(first: 20) { edges { node { id } } } } } } } } } }";

    /** 13 levels of fields, cheap: one item per page. */
    static final String DEEP = "{ articles(first: 1) { edges { node { comments(first: 1) { edges { node { "
            + "replies(first: 1) { edges { node { replies(first: 1) { edges { node { id } } } } } } } } } } } } }";

    /** 20 levels of fields: a comment's replies six times over. */
    static final String NESTED = "{ comment(id: \"sample-comment-c0\") { " + "replies { edges { node { ".repeat(6) + "id"
            + " } } }".repeat(6) + " } }";

    /** Cost 1,020,201: a million replies asked for in three pages of 100. */
    static final String WIDE = "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { "
            + "replies(first: 100) { edges { node { id } } } } } } } } } }";

    /** 6,000 tokens: more than an anonymous reader's 5,000. */
    static final String TOKENS_6000 = "{ " + "__typename ".repeat(5_998) + "}";

    private LimitQueries() {
    }

    /**
     * Partners read the syndication fields only, which hold no nested pages: 30 aliased pages of 100 changes
     * (the most a partner can ask in one document) cost 21,030, over an anonymous reader's limit, within theirs.
     */
    static String partnerPages() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            query.append(" p").append(i).append(": syndicationChanges(first: 100) { edges { node { article { ")
                    .append("authors { name } body { __typename } featuredImage { asset { crops { name } } } } } } }");
        }
        return query.append(" }").toString();
    }

    /** GraphiQL's docs explorer asks for the schema with {@code ofType} nine levels deep. */
    static String graphiqlIntrospection() {
        String typeRef = "kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9);
        return "{ __schema { queryType { name } types { kind name description "
                + "fields(includeDeprecated: true) { name description args { name type { " + typeRef + " } } type { "
                + typeRef + " } isDeprecated deprecationReason } inputFields { name type { " + typeRef + " } } "
                + "enumValues(includeDeprecated: true) { name } possibleTypes { " + typeRef + " } } } }";
    }

    /** {@code count} aliased reads of one article. */
    static String aliases(int count) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": article(slug: \"").append(SLUG).append("\") { id }");
        }
        return query.append(" }").toString();
    }
}
