package dev.broadsheet.search;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One published article as the search index keeps it (collection {@code search_articles}, record
 * codec, which needs public records): its analysed terms in an array indexed on {@code terms} (a
 * multikey index), their weights in a parallel array, and the fields search filters on.
 *
 * <p>Two flat arrays rather than one array of {term, weight} objects: stored, each object is a
 * document of its own (on the in-memory store a map with two keys, about 400 bytes of heap per term,
 * 100 KB per article), where a string and a number cost a sixth of that.
 *
 * @param terms  the analysed terms, heaviest first
 * @param weights  the weight of {@code terms[i]}: the sum over the fields it occurs in of the field's weight
 * @param fingerprint a hash of the indexed content (re-indexing unchanged content is skipped)
 * @param format  the analysis format; entries of another format are rebuilt at start-up
 */
public record SearchEntry(@BsonId String id, List<String> terms, List<Integer> weights, Instant publishedAt,
        String section, List<String> tags, List<String> authorIds, Long fingerprint, Integer format) {

    /** This entry without its terms (what the in-memory postings keep beside them). */
    SearchEntry withoutTerms() {
        return new SearchEntry(id, List.of(), List.of(), publishedAt, section, tags, authorIds, fingerprint, format);
    }
}
