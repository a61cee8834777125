package dev.broadsheet.article;

import java.time.Instant;

/**
 * The article as it was saved at {@code revision} (its version then), by whom and why.
 *
 * @param article the saved content (status and publication time as they were)
 */
record ArticleRevision(String articleId, long revision, Instant at, String byId, String byName, String summary,
        Article article) {

    public String title() {
        return article.title();
    }
}
