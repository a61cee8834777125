package dev.broadsheet.syndication;

import dev.broadsheet.article.Article;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A published article as one partner may receive it: body blocks as editors wrote them, except that
 * every image is a {@link SyndicatedImage} and no donation appeal is ever included. {@code authors} is
 * the by-line as printed (the feeds write it); GraphQL answers {@code authors} with the author
 * entities named by {@code authorIds}.
 */
record SyndicatedArticle(
        String id,
        String slug,
        String title,
        String standfirst,
        String section,
        List<String> tags,
        List<Article.Author> authors,
        List<String> authorIds,
        Instant publishedAt,
        Instant updatedAt,
        long version,
        SyndicatedImage featuredImage,
        List<Object> body) {

    /** Every image decision, featured image first. */
    List<SyndicatedImage> images() {
        Stream<SyndicatedImage> featured = featuredImage == null ? Stream.empty() : Stream.of(featuredImage);
        Stream<SyndicatedImage> inBody = body.stream().filter(SyndicatedImageBlock.class::isInstance)
                .map(block -> ((SyndicatedImageBlock) block).image());
        return Stream.concat(featured, inBody).toList();
    }
}
