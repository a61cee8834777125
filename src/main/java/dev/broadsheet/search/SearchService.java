package dev.broadsheet.search;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.search.SearchIndex.Filters;
import dev.broadsheet.search.SearchIndex.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reader search over published articles. The query is only ever analysed into terms that are matched as
 * plain values, so it cannot carry operators; it is capped at {@link #MAX_QUERY_LENGTH} characters and
 * {@link #MAX_TERMS} terms. Ranked hits are cached per query until the index changes.
 */
@Service
public class SearchService {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_TERMS = 12;
    static final int MAX_HITS = 1000;
    static final int DEFAULT_PAGE_SIZE = 10;

    record Key(Set<String> terms, Filters filters) {
    }

    private final SearchIndex index;
    private final ArticleService articles;
    private final AuthorService authors;
    private final ReadCache<Key, List<Hit>> results;

    SearchService(SearchIndex index, ArticleService articles, AuthorService authors, Caches caches) {
        this.index = index;
        this.articles = articles;
        this.authors = authors;
        this.results = caches.create("search.results", key -> index.search(key.terms(), key.filters(), MAX_HITS));
    }

    /** One page of published articles matching {@code query}, best first. author is an author's slug. */
    Connection<SearchResult> search(String query, String section, String tag, String author, Instant from, Instant to,
            Integer first, String after) {
        String text = Inputs.requireText("query", query, MAX_QUERY_LENGTH);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.validation("to", "to must be after from");
        }
        PageRequest page = PageRequest.of(first, null, DEFAULT_PAGE_SIZE);
        Hit cursor = after == null ? null : SearchCursor.decode(after);
        Set<String> terms = new LinkedHashSet<>(TextAnalysis.terms(text).stream().limit(MAX_TERMS).toList());
        String authorId = null;
        if (author != null) {
            authorId = authors.findBySlug(author).map(a -> a.id()).orElse(null);
            if (authorId == null) {
                return Connection.empty();
            }
        }
        if (terms.isEmpty()) {
            return Connection.empty();
        }
        List<Hit> ranked = results.get(new Key(Set.copyOf(terms), new Filters(section, tag, authorId, from, to)));
        int start = 0;
        if (cursor != null) {
            while (start < ranked.size() && Ranking.ORDER.compare(ranked.get(start), cursor) <= 0) {
                start++;
            }
        }
        List<Hit> rows = ranked.subList(start, Math.min(ranked.size(), start + page.fetchSize()));
        Map<String, Article> found = articles.findPublished(rows.stream().map(Hit::articleId).toList());
        List<SearchResult> hits = new ArrayList<>();
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : rows) {
            Article article = found.get(hit.articleId());
            if (article != null) {
                kept.add(hit);
                hits.add(result(article, hit, terms));
            }
        }
        Connection<Hit> positions = Connection.of(kept, page.size(), cursor != null, SearchCursor::encode);
        List<Connection.Edge<SearchResult>> edges = new ArrayList<>();
        for (int i = 0; i < positions.edges().size(); i++) {
            edges.add(new Connection.Edge<>(positions.edges().get(i).cursor(), hits.get(i)));
        }
        return new Connection<>(edges, positions.pageInfo());
    }

    /** The index changed: cached rankings may be wrong now. */
    void indexChanged() {
        results.invalidateAll();
    }

    private static SearchResult result(Article article, Hit hit, Set<String> terms) {
        String text = (article.standfirst() == null ? "" : article.standfirst() + "\n") + ArticleTerms.bodyText(article);
        return new SearchResult(article, hit.score(), Highlighter.mark(article.title(), terms),
                Highlighter.snippet(text, terms));
    }
}
