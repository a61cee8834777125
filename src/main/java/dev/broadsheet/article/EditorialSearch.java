package dev.broadsheet.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import dev.broadsheet.api.ApiException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * The editors' title/slug search: every word of the query must begin a word of the slug or of the
 * title. The query is normalised like slugs are (accents dropped, lower case, letters and digits), so
 * "Cafe" finds "Café reopens" through its slug {@code cafe-reopens}.
 */
final class EditorialSearch {

    static final int MAX_LENGTH = 100;
    static final int MAX_WORDS = 6;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private EditorialSearch() {
    }

    /** The query's words, normalised; empty for a blank query. VALIDATION for an oversized one. */
    static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        if (query.length() > MAX_LENGTH) {
            throw ApiException.validation("query", "query must be at most " + MAX_LENGTH + " characters");
        }
        String folded = MARKS.matcher(Normalizer.normalize(query, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(NON_WORD.split(folded)).filter(w -> !w.isEmpty()).distinct().toList();
        if (words.size() > MAX_WORDS) {
            throw ApiException.validation("query", "query must have at most " + MAX_WORDS + " words");
        }
        return words;
    }

    /** A filter matching articles where every word begins a slug word or a title word; null for no words. */
    static Bson filter(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        return and(words.stream().map(word -> or(
                regex("slug", "(^|-)" + Pattern.quote(word)),
                regex("title", "(^|[^\\p{L}\\p{N}])" + Pattern.quote(word), "i"))).toList());
    }
}
