package dev.broadsheet.article;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.Section;
import dev.broadsheet.author.Tag;
import dev.broadsheet.graphql.SurrogateKeys;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Where articles meet authors, sections and tags (article depends on author, never the reverse). */
@Controller
class ArticleAuthorsController {

    private final ArticleService articles;
    private final SurrogateKeys keys;

    ArticleAuthorsController(ArticleService articles, SurrogateKeys keys) {
        this.articles = articles;
        this.keys = keys;
    }

    /** An author's articles: any publish may add one, so the response carries the whole-list key. */
    @SchemaMapping(typeName = "Author")
    Connection<Article> articles(Author author, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return tagged(env, ArticleReadCache.listKeys(null, null),
                articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), null, null, author.id()));
    }

    @SchemaMapping(typeName = "Section")
    Connection<Article> articles(Section section, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return tagged(env, ArticleReadCache.listKeys(section.slug(), null),
                articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), section.slug(), null));
    }

    @SchemaMapping(typeName = "Tag")
    Connection<Article> articles(Tag tag, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return tagged(env, ArticleReadCache.listKeys(null, tag.slug()),
                articles.latest(PageRequest.of(first, after, ArticleService.DEFAULT_PAGE_SIZE), null, tag.slug()));
    }

    private Connection<Article> tagged(DataFetchingEnvironment env, List<String> listKeys, Connection<Article> page) {
        listKeys.forEach(key -> SurrogateKeys.add(env, key));
        keys.collect(env, page.nodes());
        return page;
    }
}
