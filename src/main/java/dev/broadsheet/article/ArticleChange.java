package dev.broadsheet.article;

/**
 * An article as it is now, whatever its status, with the write-sequence number of its last change
 * (what syndication and other followers read to learn what changed, withdrawals included: an article
 * is never removed, an unpublished or archived one stays with its status).
 */
public record ArticleChange(Article article, long seq) {
}
