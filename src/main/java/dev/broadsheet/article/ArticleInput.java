package dev.broadsheet.article;

import dev.broadsheet.media.Crop;
import java.util.List;

/**
 * What editors send to create or change an article. On update every field is optional: a null field
 * leaves the article's value as it is ({@code clearFeaturedImage} removes the image).
 */
record ArticleInput(
        String slug,
        String title,
        String standfirst,
        String section,
        List<String> tags,
        List<AuthorInput> authors,
        ImageUsageInput featuredImage,
        Boolean clearFeaturedImage,
        List<BlockInput> body,
        CommentMode commentMode,
        Boolean suppressDonations,
        String revisionSummary,
        List<String> authorIds,
        SeoInput seo) {

    /** Search and social overrides; the whole object replaces the article's. */
    record SeoInput(String title, String description, String canonicalUrl, Boolean noIndex,
            ImageUsageInput socialImage) {
    }

    record AuthorInput(String name, String url) {
    }

    record ImageUsageInput(String assetId, Crop crop, String caption, String alt) {
    }

    /** Exactly one member is set (the SDL declares it {@code @oneOf}). */
    record BlockInput(ParagraphInput paragraph, HeadingInput heading, QuoteInput quote, ImageUsageInput image,
            EmbeddedPostInput embeddedPost, ReadMoreInput readMore) {
    }

    /** Either spans (inline links and marks) or plain text. */
    record ParagraphInput(List<TextSpanInput> spans, String text) {
    }

    record TextSpanInput(String text, List<TextSpan.Mark> marks, String href) {
    }

    record HeadingInput(Integer level, String text) {
    }

    record QuoteInput(String text, String speaker, String source, String sourceUrl) {
    }

    record EmbeddedPostInput(String embedId) {
    }

    /** Either {@code articleId} (one of ours) or {@code url} (outside). */
    record ReadMoreInput(String label, String articleId, String url) {
    }
}
