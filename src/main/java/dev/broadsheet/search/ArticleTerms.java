package dev.broadsheet.search;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted terms of an article. A term's weight adds up its occurrences, each counted with its
 * field's weight: title 10, tags 6, standfirst 4, author names 4, sub-headings 3, body text 1 (body
 * repetitions count up to {@link #MAX_BODY_REPEATS} times, so padding does not pay).
 */
final class ArticleTerms {

    /** 2: terms and weights as two parallel arrays (1 had an array of {t, w} documents). */
    static final int FORMAT = 2;
    static final int TITLE = 10;
    static final int TAGS = 6;
    static final int STANDFIRST = 4;
    static final int AUTHORS = 4;
    static final int HEADINGS = 3;
    static final int BODY = 1;
    static final int MAX_BODY_REPEATS = 5;
    /** Terms kept per article, heaviest first (a very long article keeps its most telling words). */
    static final int MAX_TERMS = 1500;

    private ArticleTerms() {
    }

    static SearchEntry entry(Article article, List<String> authorNames) {
        Map<String, Integer> weights = new HashMap<>();
        add(weights, article.title(), TITLE, Integer.MAX_VALUE);
        add(weights, String.join(" ", article.tags()), TAGS, Integer.MAX_VALUE);
        add(weights, article.standfirst(), STANDFIRST, Integer.MAX_VALUE);
        add(weights, String.join(" ", authorNames), AUTHORS, Integer.MAX_VALUE);
        StringBuilder headings = new StringBuilder();
        for (Block block : article.body()) {
            if (block instanceof Block.HeadingBlock heading) {
                headings.append(heading.text()).append('\n');
            }
        }
        add(weights, headings.toString(), HEADINGS, Integer.MAX_VALUE);
        add(weights, bodyText(article), BODY, MAX_BODY_REPEATS);
        List<Map.Entry<String, Integer>> heaviest = new ArrayList<>(weights.entrySet());
        heaviest.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Integer>> kept = heaviest.subList(0, Math.min(heaviest.size(), MAX_TERMS));
        return new SearchEntry(article.id(), kept.stream().map(Map.Entry::getKey).toList(),
                kept.stream().map(Map.Entry::getValue).toList(), article.publishedAt(), article.section(),
                article.tags(), article.authorIds(), fingerprint(article, authorNames), FORMAT);
    }

    /** Changes whenever anything indexed changes (comment counts, say, do not). */
    static long fingerprint(Article article, List<String> authorNames) {
        return java.util.Objects.hash(article.title(), article.standfirst(), article.section(), article.tags(),
                article.authorIds(), authorNames, article.publishedAt(), bodyText(article), FORMAT);
    }

    /** The text a reader reads in the body: paragraphs, sub-headings and quotations. */
    static String bodyText(Article article) {
        StringBuilder text = new StringBuilder();
        for (Block block : article.body()) {
            if (block instanceof Block.ParagraphBlock paragraph) {
                text.append(paragraph.text()).append('\n');
            } else if (block instanceof Block.QuoteBlock quote) {
                text.append(quote.text()).append('\n');
            }
        }
        return text.toString();
    }

    private static void add(Map<String, Integer> weights, String text, int fieldWeight, int maxRepeats) {
        Map<String, Integer> counts = new HashMap<>();
        for (TextAnalysis.Token token : TextAnalysis.tokens(text)) {
            counts.merge(token.term(), 1, Integer::sum);
        }
        counts.forEach((term, count) -> weights.merge(term, fieldWeight * Math.min(count, maxRepeats), Integer::sum));
    }
}
