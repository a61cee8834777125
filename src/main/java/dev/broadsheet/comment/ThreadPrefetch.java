package dev.broadsheet.comment;

import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.BatchLoaderEnvironment;

/**
 * The threads one GraphQL request has read whole: when an article's first page of comments is loaded,
 * a small thread is read down to {@link #DEPTH} in one command, and the reply pages of the levels
 * below are then cut from it in memory instead of costing a command per level. Lives in the request's
 * context only, so it never serves anything stale to another request.
 */
final class ThreadPrefetch {

    /** Deepest level read with the thread: replies to replies, the depth front ends show at once. */
    static final int DEPTH = 2;

    /** Larger threads are read level by level, a page at a time. */
    static final int MAX_COMMENTS = 1000;

    /** Children of each covered owner (article id for the top level, comment id for replies), complete. */
    private final Map<String, List<Comment>> children = new ConcurrentHashMap<>();

    static ThreadPrefetch of(BatchLoaderEnvironment env) {
        Object context = env.getContext();
        if (context instanceof GraphQLContext graphQlContext) {
            return graphQlContext.computeIfAbsent(ThreadPrefetch.class, key -> new ThreadPrefetch());
        }
        return new ThreadPrefetch();
    }

    /** Records whole threads read down to {@link #DEPTH} for {@code articleIds}. */
    void add(Collection<String> articleIds, List<Comment> threads) {
        articleIds.forEach(id -> children.put(id, new ArrayList<>()));
        threads.stream().filter(comment -> comment.depth() < DEPTH)
                .forEach(comment -> children.put(comment.id(), new ArrayList<>()));
        for (Comment comment : threads) {
            String owner = comment.parentId() == null ? comment.articleId() : comment.parentId();
            List<Comment> siblings = children.get(owner);
            if (siblings != null) {
                siblings.add(comment);
            }
        }
    }

    /** All shown children of the key's owner, if this request has read them. */
    Optional<List<Comment>> children(ThreadPageKey key) {
        return Optional.ofNullable(children.get(key.ownerId()));
    }
}
