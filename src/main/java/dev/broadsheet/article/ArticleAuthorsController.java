package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.Section;
import dev.broadsheet.author.Tag;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Where articles meet authors, sections and tags (article depends on author, never the reverse). */
@Controller
class ArticleAuthorsController {

    private final ArticleService articles;

    ArticleAuthorsController(ArticleService articles) {
        this.articles = articles;
    }

    /** The article's authors in by-line order, loaded in one batch for every article on the page. */
    @SchemaMapping(typeName = "Article")
    CompletableFuture<List<Author>> authors(Article article, DataLoader<String, Author> loader) {
        return loader.loadMany(article.authorIds()).thenApply(found -> found.stream().filter(Objects::nonNull).toList());
    }

    @SchemaMapping(typeName = "Author")
    Connection<Article> articles(Author author, @Argument Integer first, @Argument String after) {
        return articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), null, null, author.id());
    }

    @SchemaMapping(typeName = "Section")
    Connection<Article> articles(Section section, @Argument Integer first, @Argument String after) {
        return articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), section.slug(), null);
    }

    @SchemaMapping(typeName = "Tag")
    Connection<Article> articles(Tag tag, @Argument Integer first, @Argument String after) {
        return articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), null, tag.slug());
    }
}
