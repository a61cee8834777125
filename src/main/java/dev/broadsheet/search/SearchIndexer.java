package dev.broadsheet.search;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.store.EntityChanged;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with published articles by following article change events (this
 * instance's writes at once, other instances' through the write sequence): a published article is
 * (re)indexed when its indexed content changed, anything else is dropped, so drafts never appear. The
 * article feature knows nothing of this. At start-up an empty or outdated index is rebuilt in the
 * background.
 */
@Component
class SearchIndexer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final String ARTICLES = "articles";

    private final SearchIndex index;
    private final SearchService search;
    private final ArticleService articles;
    private final AuthorService authors;

    SearchIndexer(SearchIndex index, SearchService search, ArticleService articles, AuthorService authors) {
        this.index = index;
        this.search = search;
        this.articles = articles;
        this.authors = authors;
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (ARTICLES.equals(change.collection())) {
            refresh(change.id());
        }
    }

    /** Serialised, and reading the article fresh inside, so a stale read can never be written after a newer one. */
    synchronized void refresh(String articleId) {
        Optional<Article> published = articles.findPublishedUncached(articleId);
        if (published.isPresent()) {
            put(published.get());
        } else if (index.remove(articleId)) {
            search.indexChanged();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (index.size() > 0 && index.staleCount() == 0) {
            return;
        }
        Thread rebuild = new Thread(this::rebuild, "search-rebuild");
        rebuild.setDaemon(true);
        rebuild.start();
    }

    /** Indexes every published article (newest first); returns how many. */
    int rebuild() {
        int indexed = 0;
        String after = null;
        do {
            Connection<Article> page = articles.latest(PageRequest.of(PageRequest.MAX_SIZE, after, 0), null, null);
            page.nodes().forEach(article -> refresh(article.id()));
            indexed += page.edges().size();
            after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null);
        log.info("Search index rebuilt: {} published articles", indexed);
        return indexed;
    }

    private void put(Article article) {
        Map<String, Author> found = authors.findAll(article.authorIds());
        List<String> names = article.authorIds().stream().map(found::get).filter(Objects::nonNull).map(Author::name).toList();
        if (!index.isCurrent(article.id(), ArticleTerms.fingerprint(article, names))) {
            index.put(article, names);
            search.indexChanged();
        }
    }

}
