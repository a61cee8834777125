package dev.broadsheet.comment;

import dev.broadsheet.article.Article;
import dev.broadsheet.comment.CommentModeration.CommentModerationInfo;
import dev.broadsheet.comment.ThreadPageKey.Owner;
import dev.broadsheet.api.Connection;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Reading threads (batched: one command per thread level) and the editors' queues. */
@Controller
class CommentController {

    private static final String THREAD_PAGES = "commentThreadPages";

    private final CommentService comments;
    private final CommentModeration moderation;

    CommentController(CommentService comments, CommentModeration moderation, BatchLoaderRegistry loaders,
            CommentThreadCache threads) {
        this.comments = comments;
        this.moderation = moderation;
        loaders.<ThreadPageKey, Connection<Comment>>forName(THREAD_PAGES)
                .registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(
                        () -> threads.pages(keys, ThreadPrefetch.of(env))));
        loaders.forTypePair(String.class, Comment.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> comments.findVisible(ids)));
    }

    @QueryMapping
    Comment comment(@Argument String id) {
        return comments.findVisible(id).orElse(null);
    }

    @QueryMapping
    Connection<Comment> moderationQueue(@Argument String articleId, @Argument ModerationQueue status,
            @Argument Integer first, @Argument String after) {
        return moderation.queue(status, articleId, first, after);
    }

    @SchemaMapping(typeName = "Article")
    CompletableFuture<Connection<Comment>> comments(Article article, @Argument Integer first, @Argument String after,
            @Argument CommentOrder orderBy, DataFetchingEnvironment env) {
        CommentOrder order = orderOrDefault(orderBy);
        ThreadPageKey key = new ThreadPageKey(Owner.ARTICLE, article.id(), article.commentCount(), order,
                CommentService.pageRequest(first, after, order));
        return loadPage(key, env);
    }

    @SchemaMapping
    CompletableFuture<Connection<Comment>> replies(Comment comment, @Argument Integer first, @Argument String after,
            @Argument CommentOrder orderBy, DataFetchingEnvironment env) {
        CommentOrder order = orderOrDefault(orderBy);
        ThreadPageKey key = new ThreadPageKey(Owner.COMMENT, comment.id(), comment.replyCount(), order,
                CommentService.pageRequest(first, after, order));
        return loadPage(key, env);
    }

    @SchemaMapping
    CompletableFuture<Comment> parent(Comment comment, DataLoader<String, Comment> visible) {
        return comment.parentId() == null ? CompletableFuture.completedFuture(null) : visible.load(comment.parentId());
    }

    @SchemaMapping
    CompletableFuture<Comment> replyTo(Comment comment, DataLoader<String, Comment> visible) {
        return comment.replyToId() == null ? CompletableFuture.completedFuture(null) : visible.load(comment.replyToId());
    }

    @SchemaMapping
    CompletableFuture<Article> article(Comment comment, DataLoader<String, Article> published) {
        return published.load(comment.articleId());
    }

    @SchemaMapping
    CommentModerationInfo moderation(Comment comment) {
        return moderation.info(comment);
    }

    private static CommentOrder orderOrDefault(CommentOrder orderBy) {
        return orderBy == null ? CommentOrder.OLDEST : orderBy;
    }

    /**
     * Loads a thread page in the request's batch, and remembers its comments so that their replies'
     * {@code parent} costs no further query.
     */
    private static CompletableFuture<Connection<Comment>> loadPage(ThreadPageKey key, DataFetchingEnvironment env) {
        DataLoader<ThreadPageKey, Connection<Comment>> pages = env.getDataLoader(THREAD_PAGES);
        DataLoader<String, Comment> visible = env.getDataLoader(Comment.class.getName());
        return pages.load(key).thenApply(page -> {
            page.nodes().forEach(comment -> visible.prime(comment.id(), comment));
            return page;
        });
    }
}
