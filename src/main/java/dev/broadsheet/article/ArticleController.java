package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.author.Byline;
import dev.broadsheet.graphql.DataLoaderKey;
import dev.broadsheet.graphql.PrivateResponse;
import dev.broadsheet.graphql.SurrogateKeys;
import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Where the article feature wires its fields. What every reader's page runs (the {@code article} and
 * {@code articles} roots, and the fields read for every article in a response) are plain data fetchers:
 * Spring's annotated-method machinery (a handler method built, arguments resolved and a context
 * snapshot taken per call) cost more than the lookups themselves. The rarer fields stay annotated
 * methods. Surrogate keys are added where articles are loaded.
 */
@Controller
class ArticleController implements RuntimeWiringConfigurer {

    private static final DataLoaderKey<String, Article> PUBLISHED = DataLoaderKey.ofTypes(String.class, Article.class);
    /** Registered by the author feature. */
    private static final DataLoaderKey<String, Author> AUTHORS = DataLoaderKey.ofTypes(String.class, Author.class);

    private final ArticleService articles;
    private final ArticleEditing editing;
    private final PreviewLinks previewLinks;
    private final SurrogateKeys keys;
    private final AuthorService authors;

    ArticleController(ArticleService articles, ArticleEditing editing, PreviewLinks previewLinks,
            AuthorService authors, BatchLoaderRegistry loaders, SurrogateKeys keys) {
        this.authors = authors;
        this.articles = articles;
        this.editing = editing;
        this.previewLinks = previewLinks;
        this.keys = keys;
        keys.registerLoader(loaders, PUBLISHED, articles::findPublished);
    }

    /** {@code Query.article}: a reader's page, a preview link, or an editor's preview. */
    private Article article(DataFetchingEnvironment env) {
        String slug = env.getArgument("slug");
        String id = env.getArgument("id");
        String previewToken = env.getArgument("previewToken");
        if (previewToken != null) {
            PrivateResponse.mark(env.getGraphQlContext());
            return previewLinks.resolve(previewToken, slug, id).orElse(null);
        }
        if (Boolean.TRUE.equals(env.getArgument("preview"))) {
            return editing.preview(slug, id).orElse(null);
        }
        if (slug != null) {
            SurrogateKeys.add(env, ArticleReadCache.slugKey(slug));
        }
        if (id != null) {
            SurrogateKeys.add(env, ArticleReadCache.key(id));
        }
        Article found = articles.findPublished(slug, id).orElse(null);
        keys.collect(env, found);
        return found;
    }

    /** {@code Query.articles}: the latest published, optionally by section, tag or author. */
    private Connection<Article> articles(DataFetchingEnvironment env) {
        String section = env.getArgument("section");
        String tag = env.getArgument("tag");
        String author = env.getArgument("author");
        ArticleReadCache.listKeys(section, tag).forEach(key -> SurrogateKeys.add(env, key));
        PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"),
                ArticleService.DEFAULT_PAGE_SIZE);
        Connection<Article> found = author == null ? articles.latest(page, section, tag)
                : authors.findBySlug(author).map(by -> articles.latest(page, section, tag, by.id()))
                        .orElse(Connection.empty());
        keys.collect(env, found.nodes());
        return found;
    }

    @QueryMapping
    PathResolution resolvePath(@Argument String path, DataFetchingEnvironment env) {
        ArticleReadCache.listKeys(null, null).forEach(key -> SurrogateKeys.add(env, key));
        PathResolution resolution = articles.resolvePath(path);
        keys.collect(env, resolution.article());
        return resolution;
    }

    /** The slug the reader asked for when it is an earlier slug of this article (the front end redirects). */
    @SchemaMapping
    String redirectedFrom(Article article, DataFetchingEnvironment env) {
        ExecutionStepInfo parent = env.getExecutionStepInfo().getParent();
        Object asked = parent == null ? null : parent.getArguments().get("slug");
        return asked instanceof String slug && !slug.equals(article.slug()) ? slug : null;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("article", this::article)
                .dataFetcher("articles", this::articles));
        wiring.type("Article", type -> type
                .dataFetcher("authors", (TrivialDataFetcher<CompletableFuture<List<Author>>>) env ->
                        Byline.load(AUTHORS.in(env), env.<Article>getSource().authorIds()))
                .dataFetcher("body", (TrivialDataFetcher<Object>) env -> {
                    Object body = articles.servedBody(env.getSource(), env.getArgument("readerBucket"),
                            Boolean.TRUE.equals(env.getArgument("supporter")));
                    keys.collect(env, body);
                    return body;
                })
                .dataFetcher("commentCount", (TrivialDataFetcher<Integer>) env -> {
                    Article article = env.getSource();
                    SurrogateKeys.add(env, "comment-thread:" + article.id());
                    return article.commentCount();
                })
                .dataFetcher("related", (TrivialDataFetcher<Object>) env -> {
                    Integer first = env.getArgument("first");
                    SurrogateKeys.add(env, "list:all");
                    List<Article> related = articles.related(env.getSource(), first == null ? 5 : first);
                    keys.collect(env, related);
                    return related;
                }));
        wiring.type("ReadMoreBlock", type -> type
                .dataFetcher("article", (TrivialDataFetcher<CompletableFuture<Article>>) env -> {
                    Block.ReadMoreBlock block = env.getSource();
                    if (block.articleId() == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    DataLoader<String, Article> published = PUBLISHED.in(env);
                    return published.load(block.articleId());
                }));
    }
}
