package dev.broadsheet.search;

import dev.broadsheet.search.SearchIndex.Hit;
import java.util.Comparator;

/** The order of search results: by relevance, then the newest, then by id (so paging is stable). */
final class Ranking {

    static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(Hit::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Hit::articleId, Comparator.reverseOrder());

    private Ranking() {
    }
}
