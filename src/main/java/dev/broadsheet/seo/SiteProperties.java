package dev.broadsheet.seo;

import dev.broadsheet.article.Article;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site as readers and search engines know it: used for canonical URLs, JSON-LD, feeds and sitemaps.
 *
 * @param baseUrl     the front end's origin, no trailing slash
 * @param articlePath path of an article page; {section} and {slug} are replaced
 * @param authorPath  path of an author page; {slug} is replaced
 * @param sectionPath path of a section page; {slug} is replaced
 * @param language    BCP 47 language of the content (RSS, news sitemap)
 */
@ConfigurationProperties("broadsheet.site")
public record SiteProperties(
        @DefaultValue("The Tidewater Courier") String name,
        @DefaultValue("Independent news from the Tidewater estuary.") String description,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("http://localhost:8080/logo.png") String logoUrl,
        @DefaultValue("/{section}/{slug}") String articlePath,
        @DefaultValue("/authors/{slug}") String authorPath,
        @DefaultValue("/sections/{slug}") String sectionPath,
        @DefaultValue("en") String language) {

    public String articleUrl(Article article) {
        return baseUrl + articlePath.replace("{section}", article.section()).replace("{slug}", article.slug());
    }

    public String authorUrl(String slug) {
        return baseUrl + authorPath.replace("{slug}", slug);
    }

    public String sectionUrl(String slug) {
        return baseUrl + sectionPath.replace("{slug}", slug);
    }
}
