package dev.broadsheet.article;

import java.time.Instant;

/**
 * The latest save of an article, as editors watching it are told: what kind of step it was, the
 * version it made, and who made it. What the articleChanged subscription (GraphQL type
 * {@code ArticleChange}) is built from; not {@link ArticleChange}, the change-feed entry syndication reads.
 */
public record ArticleChangeEvent(String articleId, Kind kind, long version, ArticleStatus status, String byId,
        String byName, Instant at) {

    public enum Kind { SAVED, PUBLISHED, UNPUBLISHED, SCHEDULED, ARCHIVED }

    /** What took the article from {@code before} (null for a new article) to {@code after}. */
    static Kind between(ArticleStatus before, ArticleStatus after) {
        if (after == before || before == null) {
            return Kind.SAVED;
        }
        return switch (after) {
            case PUBLISHED -> Kind.PUBLISHED;
            case SCHEDULED -> Kind.SCHEDULED;
            case ARCHIVED -> Kind.ARCHIVED;
            case DRAFT -> before == ArticleStatus.PUBLISHED || before == ArticleStatus.SCHEDULED
                    ? Kind.UNPUBLISHED : Kind.SAVED;
        };
    }
}
