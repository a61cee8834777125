package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.graphql.PrivateResponse;
import graphql.GraphQLContext;
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
    private final PreviewLinks previewLinks;

    ArticleController(ArticleService articles, ArticleEditing editing, PreviewLinks previewLinks,
            BatchLoaderRegistry loaders) {
        this.articles = articles;
        this.editing = editing;
        this.previewLinks = previewLinks;
        loaders.forTypePair(String.class, Article.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> articles.findPublished(ids)));
    }

    @QueryMapping
    Article article(@Argument String slug, @Argument String id, @Argument boolean preview,
            @Argument String previewToken, GraphQLContext context) {
        if (previewToken != null) {
            PrivateResponse.mark(context);
            return previewLinks.resolve(previewToken, slug, id).orElse(null);
        }
        return (preview ? editing.preview(slug, id) : articles.findPublished(slug, id)).orElse(null);
    }

    @QueryMapping
    Connection<Article> articles(@Argument Integer first, @Argument String after, @Argument String section,
            @Argument String tag) {
        return articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), section, tag);
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
