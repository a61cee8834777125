package dev.broadsheet.search;

import dev.broadsheet.article.Article;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where published articles are indexed and ranked. The one implementation here keeps analysed terms on
 * MongoDB ({@link TermArrayIndex}); a site that outgrows it implements this against Atlas Search or
 * OpenSearch, and nothing else changes.
 */
interface SearchIndex {

    /** Indexes (or re-indexes) a published article. */
    void put(Article article, List<String> authorNames);

    /** Drops an article from the index; true if it was there. */
    boolean remove(String articleId);

    /** True when {@code articleId} is indexed with this content fingerprint in the current format. */
    boolean isCurrent(String articleId, long fingerprint);

    /**
     * Every match for the analysed {@code terms} within the filters, best first: by relevance, then the
     * newest, then by id. At most {@code limit}.
     */
    List<Hit> search(Set<String> terms, Filters filters, int limit);

    /** Articles indexed in an older format (to rebuild at start-up). */
    long staleCount();

    long size();

    /** Filters on indexed fields; null means any. */
    record Filters(String section, String tag, String authorId, Instant from, Instant to) {
    }

    record Hit(String articleId, double score, Instant publishedAt) {
    }
}
