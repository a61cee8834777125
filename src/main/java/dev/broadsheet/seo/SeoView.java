package dev.broadsheet.seo;

import dev.broadsheet.media.ImageUsage;

/** An article's SEO fields as served: the editor's overrides, or the fallbacks. */
record SeoView(String title, String description, String canonicalUrl, boolean noIndex, ImageUsage socialImage) {
}
