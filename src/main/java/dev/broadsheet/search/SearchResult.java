package dev.broadsheet.search;

import dev.broadsheet.article.Article;

/**
 * One hit: the article, its relevance, and HTML-escaped text with {@code <mark>} around the matched words.
 */
record SearchResult(Article article, double score, String titleHtml, String snippet) {
}
