package dev.broadsheet.search;

import dev.broadsheet.search.SearchIndex.Filters;
import dev.broadsheet.search.SearchIndex.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory side of the index: for each term, the articles holding it and its weight there
 * (compact sorted int arrays), built from the {@link SearchEntry} documents. Reads are lock-free over
 * immutable postings; writes are serialised and replace the postings they touch.
 *
 * <p>Relevance: for each query term an article holds, its weight (field weights summed, see
 * {@link ArticleTerms}) times the term's rarity, idf = ln(1 + N / df); scaled by the square of the share
 * of query terms matched, so an article with every word ranks above one with only some.
 */
final class TermPostings {

    /**
     * Postings of one {@code term} (the one instance of its string that the index keeps): article
     * ordinals (ascending) and the term's weight in each, in the first {@code size} slots. Appending a
     * higher ordinal writes into spare capacity that no reader of an earlier version looks at (they
     * stop at their own size), so loading grows each array in amortised constant time instead of
     * copying it per article.
     */
    private record Postings(String term, int[] ordinals, int[] weights, int size) {

        static Postings first(String term, int ordinal, int weight) {
            return new Postings(term, new int[] {ordinal, 0, 0, 0}, new int[] {weight, 0, 0, 0}, 1);
        }

        Postings with(int ordinal, int weight) {
            int at = Arrays.binarySearch(ordinals, 0, size, ordinal);
            if (at >= 0) {
                int[] w = Arrays.copyOf(weights, size);
                w[at] = weight;
                return new Postings(term, Arrays.copyOf(ordinals, size), w, size);
            }
            int insert = -at - 1;
            if (insert == size && size < ordinals.length) {
                ordinals[size] = ordinal;
                weights[size] = weight;
                return new Postings(term, ordinals, weights, size + 1);
            }
            int capacity = insert == size ? Math.max(4, size * 2) : size + 1;
            int[] o = new int[capacity];
            int[] w = new int[capacity];
            System.arraycopy(ordinals, 0, o, 0, insert);
            System.arraycopy(weights, 0, w, 0, insert);
            o[insert] = ordinal;
            w[insert] = weight;
            System.arraycopy(ordinals, insert, o, insert + 1, size - insert);
            System.arraycopy(weights, insert, w, insert + 1, size - insert);
            return new Postings(term, o, w, size + 1);
        }

        Postings without(int ordinal) {
            int at = Arrays.binarySearch(ordinals, 0, size, ordinal);
            if (at < 0) {
                return this;
            }
            int[] o = new int[size - 1];
            int[] w = new int[size - 1];
            System.arraycopy(ordinals, 0, o, 0, at);
            System.arraycopy(weights, 0, w, 0, at);
            System.arraycopy(ordinals, at + 1, o, at, size - at - 1);
            System.arraycopy(weights, at + 1, w, at, size - at - 1);
            return new Postings(term, o, w, size - 1);
        }
    }

    /**
     * What the index keeps of an article: its entry without the term list (for filters and the
     * fingerprint), and its terms as references to the postings' own strings (to drop them when the
     * article is re-indexed or removed). Keeping each entry's own term list instead cost about 20 KB
     * of heap per article (a fresh string per term, and the list), on top of the postings.
     */
    private record Indexed(SearchEntry entry, String[] terms) {
    }

    private final Map<String, Postings> postings = new ConcurrentHashMap<>();
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    /** By ordinal; null where the article left the index. */
    private volatile Indexed[] entries = new Indexed[1024];
    private int nextOrdinal;
    private int size;

    synchronized void put(SearchEntry entry) {
        Integer known = ordinals.get(entry.id());
        int ordinal = known != null ? known : nextOrdinal++;
        if (ordinal >= entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        Indexed previous = entries[ordinal];
        if (previous != null) {
            dropPostings(previous, ordinal);
        } else {
            size++;
        }
        String[] terms = new String[entry.terms().size()];
        for (int i = 0; i < terms.length; i++) {
            String term = entry.terms().get(i);
            int weight = entry.weights().get(i);
            terms[i] = postings.merge(term, Postings.first(term, ordinal, weight),
                    (p, ignored) -> p.with(ordinal, weight)).term();
        }
        entries[ordinal] = new Indexed(entry.withoutTerms(), terms);
        ordinals.put(entry.id(), ordinal);
    }

    synchronized boolean remove(String articleId) {
        Integer ordinal = ordinals.get(articleId);
        if (ordinal == null || entries[ordinal] == null) {
            return false;
        }
        dropPostings(entries[ordinal], ordinal);
        entries[ordinal] = null;
        size--;
        return true;
    }

    /** The article's entry as indexed, without its term list; null when it is not indexed. */
    SearchEntry get(String articleId) {
        Integer ordinal = ordinals.get(articleId);
        Indexed indexed = ordinal == null ? null : entries[ordinal];
        return indexed == null ? null : indexed.entry();
    }

    private void dropPostings(Indexed indexed, int ordinal) {
        for (String term : indexed.terms()) {
            postings.computeIfPresent(term, (t, p) -> emptyToNull(p.without(ordinal)));
        }
    }

    int size() {
        return size;
    }

    List<Hit> search(Set<String> terms, Filters filters, int limit) {
        Indexed[] all = entries;
        Map<Integer, double[]> scores = new HashMap<>();
        double total = Math.max(1, size);
        for (String term : terms) {
            Postings found = postings.get(term);
            if (found == null) {
                continue;
            }
            double idf = Math.log(1 + total / found.size());
            for (int i = 0; i < found.size(); i++) {
                double[] score = scores.computeIfAbsent(found.ordinals()[i], o -> new double[2]);
                score[0] += found.weights()[i] * idf;
                score[1] += 1;
            }
        }
        List<Hit> hits = new ArrayList<>();
        scores.forEach((ordinal, score) -> {
            Indexed indexed = ordinal < all.length ? all[ordinal] : null;
            SearchEntry entry = indexed == null ? null : indexed.entry();
            if (entry != null && matches(entry, filters)) {
                double coverage = score[1] / terms.size();
                hits.add(new Hit(entry.id(), round(score[0] * coverage * coverage), entry.publishedAt()));
            }
        });
        hits.sort(Ranking.ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private static boolean matches(SearchEntry entry, Filters filters) {
        return (filters.section() == null || filters.section().equals(entry.section()))
                && (filters.tag() == null || (entry.tags() != null && entry.tags().contains(filters.tag())))
                && (filters.authorId() == null || (entry.authorIds() != null && entry.authorIds().contains(filters.authorId())))
                && (filters.from() == null || (entry.publishedAt() != null && !entry.publishedAt().isBefore(filters.from())))
                && (filters.to() == null || (entry.publishedAt() != null && entry.publishedAt().isBefore(filters.to())));
    }

    private static Postings emptyToNull(Postings p) {
        return p.size() == 0 ? null : p;
    }

    /** Scores are rounded so that cursors carrying them compare exactly. */
    private static double round(double score) {
        return Math.round(score * 1_000_000d) / 1_000_000d;
    }
}
