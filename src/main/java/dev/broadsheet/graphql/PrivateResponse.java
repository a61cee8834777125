package dev.broadsheet.graphql;

import graphql.GraphQLContext;

/**
 * Marks a response as meant for one caller even though the request carried no Authorization header
 * (a preview link's token travels as an argument). A marked response is {@code private, no-store},
 * has no ETag and no {@code Surrogate-Key}, and never enters a response cache.
 */
public final class PrivateResponse {

    private static final String KEY = PrivateResponse.class.getName();

    private PrivateResponse() {
    }

    /** Called by a data fetcher that serves what only this caller may see. */
    public static void mark(GraphQLContext context) {
        context.put(KEY, Boolean.TRUE);
    }

    static boolean isMarked(GraphQLContext context) {
        return context != null && Boolean.TRUE.equals(context.get(KEY));
    }
}
