package dev.broadsheet.seo;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.Correction;
import dev.broadsheet.author.Author;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.Licence;
import dev.broadsheet.media.MediaAsset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org {@code NewsArticle} JSON-LD for an article: headline, description, image with its licence
 * ({@code license} is the licence URL, {@code acquireLicensePage}, {@code creditText}, {@code creator}),
 * dates, authors as {@code Person} with their page, the publisher, {@code isAccessibleForFree} and the
 * corrections. Serialised with Jackson, so any text is escaped as JSON.
 */
final class StructuredData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredData() {
    }

    static String newsArticle(Article article, SeoView seo, List<Author> authors, MediaAsset image,
            String imageCredit, SiteProperties site) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", seo.title());
        if (seo.description() != null) {
            ld.put("description", seo.description());
        }
        ld.put("url", seo.canonicalUrl());
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", seo.canonicalUrl()));
        if (image != null) {
            ld.put("image", List.of(image(seo.socialImage(), image, imageCredit)));
        }
        if (article.publishedAt() != null) {
            ld.put("datePublished", article.publishedAt().toString());
        }
        if (article.dateModified() != null) {
            ld.put("dateModified", article.dateModified().toString());
        }
        ld.put("author", authors.stream().map(author -> person(author.name(), site.authorUrl(author.slug()))).toList());
        ld.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.baseUrl(),
                "logo", Map.of("@type", "ImageObject", "url", site.logoUrl())));
        ld.put("articleSection", article.section());
        if (!article.tags().isEmpty()) {
            ld.put("keywords", article.tags());
        }
        ld.put("isAccessibleForFree", true);
        if (!article.corrections().isEmpty()) {
            ld.put("correction", article.corrections().stream().map(StructuredData::correction).toList());
        }
        return JSON.writeValueAsString(ld);
    }

    private static Map<String, Object> image(ImageUsage usage, MediaAsset asset, String credit) {
        Licence licence = asset.licence();
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("@type", "ImageObject");
        image.put("contentUrl", asset.url());
        image.put("url", asset.url());
        image.put("width", usage.crop() == null ? asset.width() : usage.crop().width());
        image.put("height", usage.crop() == null ? asset.height() : usage.crop().height());
        if (usage.caption() != null) {
            image.put("caption", usage.caption());
        }
        if (licence.url() != null) {
            image.put("license", licence.url());
        }
        String acquire = asset.source() != null && asset.source().url() != null ? asset.source().url()
                : asset.creator() != null && asset.creator().url() != null ? asset.creator().url() : licence.url();
        if (acquire != null) {
            image.put("acquireLicensePage", acquire);
        }
        image.put("creditText", credit);
        if (asset.creator() != null) {
            image.put("creator", person(asset.creator().name(), asset.creator().url()));
        }
        return image;
    }

    private static Map<String, Object> person(String name, String url) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", name);
        if (url != null) {
            person.put("url", url);
        }
        return person;
    }

    private static Map<String, Object> correction(Correction correction) {
        return Map.of("@type", "CorrectionComment", "text", correction.kind().name() + ": " + correction.text(),
                "datePublished", correction.at().toString());
    }
}
