package dev.broadsheet.article;

import dev.broadsheet.media.ImageUsage;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An article as stored (by the driver's record codec; {@link ArticleCodecs} adds the body blocks). {@code body} holds what editors wrote; donation appeals are placed into it by
 * rule when it is served ({@link ArticleBody}).
 *
 * @param suppressDonations true for pieces that must carry no appeals (sponsored or sensitive)
 * @param authorIds the authors (ids in the {@code author} feature), in by-line order
 * @param previousSlugs slugs the article had before, which still find it (redirects)
 * @param corrections the public corrections, oldest first
 * @param seo the editor's search and social overrides, or null for the defaults
 */
public record Article(
        @BsonId String id,
        String slug,
        String title,
        String standfirst,
        String section,
        List<String> tags,
        List<Author> authors,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        long version,
        ImageUsage featuredImage,
        List<Block> body,
        CommentMode commentMode,
        boolean suppressDonations,
        int commentCount,
        List<String> authorIds,
        List<String> previousSlugs,
        List<Correction> corrections,
        Seo seo) {

    /** The by-line as printed (a snapshot of the author's name and page); {@code authorIds} is the reference. */
    public record Author(String name, String url) {
    }

    public Article {
        tags = tags == null ? List.of() : tags;
        authors = authors == null ? List.of() : authors;
        authorIds = authorIds == null ? List.of() : authorIds;
        previousSlugs = previousSlugs == null ? List.of() : previousSlugs;
        corrections = corrections == null ? List.of() : corrections;
    }

    /** An article without author references, earlier slugs, corrections or SEO overrides. */
    public Article(String id, String slug, String title, String standfirst, String section, List<String> tags,
            List<Author> authors, ArticleStatus status, Instant publishedAt, Instant updatedAt, long version,
            ImageUsage featuredImage, List<Block> body, CommentMode commentMode, boolean suppressDonations,
            int commentCount) {
        this(id, slug, title, standfirst, section, tags, authors, status, publishedAt, updatedAt, version,
                featuredImage, body, commentMode, suppressDonations, commentCount, List.of(), List.of(), List.of(), null);
    }

    public Article withAuthorIds(List<String> ids) {
        return new Article(id, slug, title, standfirst, section, tags, authors, status, publishedAt, updatedAt, version,
                featuredImage, body, commentMode, suppressDonations, commentCount, ids, previousSlugs, corrections, seo);
    }

    public Article withCommentCount(int count) {
        return new Article(id, slug, title, standfirst, section, tags, authors, status, publishedAt, updatedAt, version,
                featuredImage, body, commentMode, suppressDonations, count, authorIds, previousSlugs, corrections, seo);
    }

    /** When the article last changed for readers: its latest correction, else its publication. */
    public Instant dateModified() {
        Instant modified = publishedAt;
        for (Correction correction : corrections) {
            if (modified == null || correction.at().isAfter(modified)) {
                modified = correction.at();
            }
        }
        return modified;
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }
}
