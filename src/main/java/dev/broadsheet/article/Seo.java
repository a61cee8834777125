package dev.broadsheet.article;

import dev.broadsheet.media.ImageUsage;

/**
 * What an editor sets for search engines and social cards; null fields fall back to the article's own
 * (title, standfirst, featured image, the site's URL for the article).
 */
public record Seo(String title, String description, String canonicalUrl, boolean noIndex, ImageUsage socialImage) {
}
