package dev.broadsheet.search;

import dev.broadsheet.search.SearchEntry.WeightedTerm;
import dev.broadsheet.search.SearchIndex.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relevance of candidate entries to the query terms: for each query term an entry holds, its weight
 * (field weights summed, see {@link ArticleTerms}) times the term's rarity among the candidates
 * (idf = ln(1 + N / df)); scaled by the square of the share of query terms matched, so an article with
 * every word ranks above one with only some. Ties go to the newest, then to the higher id.
 */
final class Ranking {

    static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparing(Hit::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Hit::articleId, Comparator.reverseOrder());

    private Ranking() {
    }

    static List<Hit> rank(List<SearchEntry> candidates, Set<String> terms, long indexSize, int limit) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<Map<String, Integer>> matches = new ArrayList<>(candidates.size());
        for (SearchEntry entry : candidates) {
            Map<String, Integer> matched = new HashMap<>();
            for (WeightedTerm term : entry.terms()) {
                if (terms.contains(term.t())) {
                    matched.put(term.t(), term.w());
                    documentFrequency.merge(term.t(), 1, Integer::sum);
                }
            }
            matches.add(matched);
        }
        double total = Math.max(indexSize, candidates.size());
        List<Hit> hits = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Integer> matched = matches.get(i);
            if (matched.isEmpty()) {
                continue;
            }
            double score = 0;
            for (Map.Entry<String, Integer> term : matched.entrySet()) {
                score += term.getValue() * Math.log(1 + total / documentFrequency.get(term.getKey()));
            }
            double coverage = (double) matched.size() / terms.size();
            SearchEntry entry = candidates.get(i);
            hits.add(new Hit(entry.id(), round(score * coverage * coverage), entry.publishedAt()));
        }
        hits.sort(ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** Scores are rounded so that cursors carrying them compare exactly. */
    private static double round(double score) {
        return Math.round(score * 1_000_000d) / 1_000_000d;
    }
}
