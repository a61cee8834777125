package dev.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.search.SearchIndex.Filters;
import dev.broadsheet.search.SearchIndex.Hit;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory postings: appends, re-indexing and removal keep every term's list exact. */
class TermPostingsTest {

    private static final Filters ANY = new Filters(null, null, null, null, null);

    @Test
    void manyArticlesSharingATermAreAllFoundAfterAppendsUpdatesAndRemovals() {
        TermPostings postings = new TermPostings();
        for (int i = 0; i < 1000; i++) {
            postings.put(entry("a" + i, i, "harbour", 1 + i % 3));
        }
        List<Hit> before = postings.search(Set.of("harbour"), ANY, 2000);

        postings.put(entry("a500", 500, "ferry", 2));
        postings.remove("a7");
        postings.put(entry("a1000", 1000, "harbour", 9));

        assertThat(before).hasSize(1000);
        List<Hit> after = postings.search(Set.of("harbour"), ANY, 2000);
        assertThat(after).hasSize(999).extracting(Hit::articleId).doesNotContain("a7", "a500").contains("a1000");
        assertThat(after.get(0).articleId()).isEqualTo("a1000");
        assertThat(postings.search(Set.of("ferry"), ANY, 10)).extracting(Hit::articleId).containsExactly("a500");
        assertThat(postings.size()).isEqualTo(1000);
    }

    private static SearchEntry entry(String id, int hour, String term, int weight) {
        return new SearchEntry(id, List.of(term), List.of(weight), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hour),
                "news", List.of(), List.of(), null, null);
    }
}
