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
        int commentCount) {

    public record Author(String name, String url) {
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }
}
