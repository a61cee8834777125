package dev.broadsheet.article;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stories related to an article: published articles scored by what they share with it (a tag 3, an
 * author 2, the section 1), ties newest first. Candidates are the latest published articles in the
 * article's section, with each of its tags and by each of its authors, so the work is bounded and the
 * lists come from the read cache.
 */
final class RelatedArticles {

    static final int MAX_FIRST = 20;
    static final int CANDIDATES_PER_LIST = 50;
    static final int MAX_LISTS_PER_KIND = 10;

    private record Scored(Article article, int score) {
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score).reversed()
            .thenComparing(s -> s.article().publishedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.article().id(), Comparator.reverseOrder());

    private RelatedArticles() {
    }

    /** {@code latest(section, tag, authorId)}: the newest published articles of one list. */
    interface Lists {
        List<Article> latest(String section, String tag, String authorId);
    }

    static List<Article> of(Article article, int first, Lists lists) {
        if (first == 0) {
            return List.of();
        }
        Map<String, Article> candidates = new LinkedHashMap<>();
        Consumer<List<Article>> add = found -> found.forEach(candidate -> candidates.putIfAbsent(candidate.id(), candidate));
        add.accept(lists.latest(article.section(), null, null));
        article.tags().stream().limit(MAX_LISTS_PER_KIND).forEach(tag -> add.accept(lists.latest(null, tag, null)));
        article.authorIds().stream().limit(MAX_LISTS_PER_KIND)
                .forEach(authorId -> add.accept(lists.latest(null, null, authorId)));
        candidates.remove(article.id());
        return candidates.values().stream()
                .filter(Article::isPublished)
                .map(candidate -> new Scored(candidate, score(article, candidate)))
                .filter(scored -> scored.score() > 0)
                .sorted(BEST_FIRST)
                .limit(first)
                .map(Scored::article)
                .toList();
    }

    static int score(Article article, Article candidate) {
        int sharedTags = (int) candidate.tags().stream().distinct().filter(article.tags()::contains).count();
        int sharedAuthors = (int) candidate.authorIds().stream().distinct().filter(article.authorIds()::contains).count();
        int sameSection = article.section() != null && article.section().equals(candidate.section()) ? 1 : 0;
        return sharedTags * 3 + sharedAuthors * 2 + sameSection;
    }
}
