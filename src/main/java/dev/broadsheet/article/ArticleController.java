package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.author.AuthorService;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class ArticleController {

    private final ArticleService articles;
    private final ArticleEditing editing;
    private final AuthorService authors;

    ArticleController(ArticleService articles, ArticleEditing editing, AuthorService authors,
            BatchLoaderRegistry loaders) {
        this.authors = authors;
        this.articles = articles;
        this.editing = editing;
        loaders.forTypePair(String.class, Article.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> articles.findPublished(ids)));
    }

    @QueryMapping
    Article article(@Argument String slug, @Argument String id, @Argument boolean preview) {
        return (preview ? editing.preview(slug, id) : articles.findPublished(slug, id)).orElse(null);
    }

    @QueryMapping
    Connection<Article> articles(@Argument Integer first, @Argument String after, @Argument String section,
            @Argument String tag, @Argument String author) {
        PageRequest page = PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE);
        if (author == null) {
            return articles.latest(page, section, tag);
        }
        return authors.findBySlug(author).map(found -> articles.latest(page, section, tag, found.id()))
                .orElse(Connection.empty());
    }

    @QueryMapping
    PathResolution resolvePath(@Argument String path) {
        return articles.resolvePath(path);
    }

    /** The slug the reader asked for when it is an earlier slug of this article (the front end redirects). */
    @SchemaMapping
    String redirectedFrom(Article article, DataFetchingEnvironment env) {
        ExecutionStepInfo parent = env.getExecutionStepInfo().getParent();
        Object asked = parent == null ? null : parent.getArguments().get("slug");
        return asked instanceof String slug && !slug.equals(article.slug()) ? slug : null;
    }

    @SchemaMapping
    List<Object> body(Article article, @Argument Integer readerBucket, @Argument Boolean supporter) {
        return articles.servedBody(article, readerBucket, Boolean.TRUE.equals(supporter));
    }

    @SchemaMapping(typeName = "ReadMoreBlock")
    CompletableFuture<Article> article(Block.ReadMoreBlock block, DataLoader<String, Article> published) {
        return block.articleId() == null ? CompletableFuture.completedFuture(null) : published.load(block.articleId());
    }
}
