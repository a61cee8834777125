package dev.broadsheet.comment;

import dev.broadsheet.api.Connection;
import dev.broadsheet.article.Article;
import dev.broadsheet.comment.CommentModeration.CommentModerationInfo;
import dev.broadsheet.comment.ThreadPageKey.Owner;
import dev.broadsheet.graphql.DataLoaderKey;
import dev.broadsheet.graphql.SurrogateKeys;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Where the comment feature wires its fields. Reading threads (batched: one command per thread level,
 * or one per small thread) goes through plain {@link TrivialDataFetcher}s and batch loaders returning
 * ready values: a 200-comment thread runs hundreds of these fields per request, so they skip Spring's
 * per-call argument resolution, observation and context propagation. The editors' fields (queue,
 * moderation info) stay annotated methods. A thread's surrogate key ({@code comment-thread:<articleId>})
 * is added where its pages are loaded.
 */
@Controller
class CommentController implements RuntimeWiringConfigurer {

    private static final DataLoaderKey<ThreadPageKey, Connection<Comment>> THREAD_PAGES =
            new DataLoaderKey<>("commentThreadPages");
    private static final DataLoaderKey<String, Comment> VISIBLE = DataLoaderKey.ofTypes(String.class, Comment.class);
    /** Registered by the article feature ({@code forTypePair(String, Article)}). */
    private static final DataLoaderKey<String, Article> PUBLISHED_ARTICLES =
            DataLoaderKey.ofTypes(String.class, Article.class);

    private final CommentService comments;
    private final CommentModeration moderation;
    private final SurrogateKeys keys;

    CommentController(CommentService comments, CommentModeration moderation, BatchLoaderRegistry loaders,
            CommentThreadCache threads, SurrogateKeys keys) {
        this.comments = comments;
        this.moderation = moderation;
        this.keys = keys;
        THREAD_PAGES.registerIn(loaders)
                .registerMappedBatchLoader((pageKeys, env) -> Mono.just(threads.pages(pageKeys, ThreadPrefetch.of(env))));
        keys.registerLoader(loaders, VISIBLE, comments::findVisible);
    }

    @QueryMapping
    Comment comment(@Argument String id, DataFetchingEnvironment env) {
        Comment found = comments.findVisible(id).orElse(null);
        keys.collect(env, found);
        return found;
    }

    @QueryMapping
    Connection<Comment> moderationQueue(@Argument String articleId, @Argument ModerationQueue status,
            @Argument Integer first, @Argument String after) {
        return moderation.queue(status, articleId, first, after);
    }

    @SchemaMapping
    CommentModerationInfo moderation(Comment comment) {
        return moderation.info(comment);
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Article", type -> type
                .dataFetcher("comments", (TrivialDataFetcher<CompletableFuture<Connection<Comment>>>) env -> {
                    Article article = env.getSource();
                    SurrogateKeys.add(env, CommentThreadCache.threadKey(article.id()));
                    return loadPage(Owner.ARTICLE, article.id(), article.commentCount(), env);
                }));
        wiring.type("Comment", type -> type
                .dataFetcher("replies", (TrivialDataFetcher<CompletableFuture<Connection<Comment>>>) env -> {
                    Comment comment = env.getSource();
                    return loadPage(Owner.COMMENT, comment.id(), comment.replyCount(), env);
                })
                .dataFetcher("parent", (TrivialDataFetcher<CompletableFuture<Comment>>) env ->
                        visible(env.<Comment>getSource().parentId(), env))
                .dataFetcher("replyTo", (TrivialDataFetcher<CompletableFuture<Comment>>) env ->
                        visible(env.<Comment>getSource().replyToId(), env))
                .dataFetcher("article", (TrivialDataFetcher<CompletableFuture<Article>>) env ->
                        PUBLISHED_ARTICLES.in(env).load(env.<Comment>getSource().articleId())));
    }

    private static CompletableFuture<Comment> visible(String id, DataFetchingEnvironment env) {
        return id == null ? CompletableFuture.completedFuture(null)
                : VISIBLE.in(env).load(id);
    }

    /**
     * Loads a thread page in the request's batch, and remembers its comments so that their replies'
     * {@code parent} costs no further query.
     */
    private static CompletableFuture<Connection<Comment>> loadPage(Owner owner, String ownerId, int knownCount,
            DataFetchingEnvironment env) {
        CommentOrder order = env.getArgument("orderBy") instanceof CommentOrder given ? given
                : orderOf(env.getArgument("orderBy"));
        ThreadPageKey key = new ThreadPageKey(owner, ownerId, knownCount, order,
                CommentService.pageRequest(env.getArgument("first"), env.getArgument("after"), order));
        DataLoader<ThreadPageKey, Connection<Comment>> pages = THREAD_PAGES.in(env);
        DataLoader<String, Comment> visible = VISIBLE.in(env);
        return pages.load(key).thenApply(page -> {
            for (Connection.Edge<Comment> edge : page.edges()) {
                visible.prime(edge.node().id(), edge.node());
            }
            return page;
        });
    }

    private static CommentOrder orderOf(Object argument) {
        return argument == null ? CommentOrder.OLDEST : CommentOrder.valueOf(argument.toString());
    }
}
