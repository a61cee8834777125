package dev.broadsheet.article;

import dev.broadsheet.embed.EmbeddedPost;
import dev.broadsheet.media.ImageUsage;
import java.util.List;

/** A block of an article body as editors write it. Each record is the GraphQL type of the same name. */
public sealed interface Block {

    record ParagraphBlock(List<TextSpan> spans) implements Block {

        public String text() {
            return RichText.plain(spans);
        }

        public String html() {
            return RichText.html(spans);
        }
    }

    /** @param level 2 to 4: the article title is the only level 1 */
    record HeadingBlock(int level, String text) implements Block {
    }

    /** @param speaker who said it; @param source where it was said or published */
    record QuoteBlock(String text, String speaker, String source, String sourceUrl) implements Block {
    }

    record ImageBlock(ImageUsage image) implements Block {
    }

    record EmbeddedPostBlock(EmbeddedPost post) implements Block {
    }

    /**
     * "Read on..." — a link to another of our articles ({@code articleId}) or to an outside page
     * ({@code url}).
     */
    record ReadMoreBlock(String label, String articleId, String url) implements Block {
    }
}
