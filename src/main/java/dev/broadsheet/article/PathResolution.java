package dev.broadsheet.article;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a front-end route leads, as an HTTP status a router can answer with.
 *
 * @param article    the published article, for 200 and 301
 * @param redirectTo the path with its last segment replaced by the current slug, for 301
 */
public record PathResolution(Article article, String redirectTo, int status) {

    static final int MAX_PATH = 2048;

    static PathResolution resolve(String path, Function<String, Optional<Article>> anyBySlugOrPrevious) {
        String clean = path == null ? "" : path.strip();
        if (clean.length() > MAX_PATH) {
            return notFound();
        }
        int end = indexOfAny(clean, '?', '#');
        clean = end < 0 ? clean : clean.substring(0, end);
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        String slug = clean.substring(clean.lastIndexOf('/') + 1);
        if (!ArticleInputs.SLUG.matcher(slug).matches()) {
            return notFound();
        }
        Optional<Article> found = anyBySlugOrPrevious.apply(slug);
        if (found.isEmpty()) {
            return notFound();
        }
        Article article = found.get();
        if (article.isPublished()) {
            if (article.slug().equals(slug)) {
                return new PathResolution(article, null, 200);
            }
            String prefix = clean.substring(0, clean.length() - slug.length());
            return new PathResolution(article, prefix + article.slug(), 301);
        }
        boolean withdrawn = article.status() == ArticleStatus.ARCHIVED
                || (article.status() == ArticleStatus.DRAFT && article.publishedAt() != null);
        return withdrawn ? new PathResolution(null, null, 410) : notFound();
    }

    private static PathResolution notFound() {
        return new PathResolution(null, null, 404);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
