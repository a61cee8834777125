package dev.broadsheet.search;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One published article as the search index keeps it (collection {@code search_articles}, record
 * codec, which needs public records): its analysed terms with their weights in an array indexed on {@code terms.t} (a multikey
 * index), and the fields search filters on.
 *
 * @param fingerprint a hash of the indexed content (re-indexing unchanged content is skipped)
 * @param format  the analysis format; entries of another format are rebuilt at start-up
 */
public record SearchEntry(@BsonId String id, List<WeightedTerm> terms, Instant publishedAt, String section,
        List<String> tags, List<String> authorIds, Long fingerprint, Integer format) {

    /** This entry without its terms (what the in-memory postings keep beside them). */
    SearchEntry withoutTerms() {
        return new SearchEntry(id, List.of(), publishedAt, section, tags, authorIds, fingerprint, format);
    }

    /** A term and its weight: the sum over the fields it occurs in of the field's weight. */
    public record WeightedTerm(String t, int w) {
    }
}
