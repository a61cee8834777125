package dev.broadsheet.syndication;

import dev.broadsheet.article.Article;
import dev.broadsheet.media.Licence;
import dev.broadsheet.media.Licences;
import dev.broadsheet.media.MediaAsset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change-feed pages as IPTC ninjs 3.1 items: one item per change; a withdrawal is an item with
 * {@code pubStatus: "canceled"} (ninjs 3.1's term; 1.x called it "withdrawn"). Images appear only
 * when delivered (or replaced by the placeholder), as associations with their renditions and rights.
 */
final class NinjsFeed {

    static final String STANDARD_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

    private NinjsFeed() {
    }

    static Map<String, Object> page(ChangeFeed.Page page, Instant now) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SyndicationChange change : page.changes()) {
            items.add(change.article() == null ? withdrawn(change, now) : item(change.article()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", page.cursor());
        body.put("hasMore", page.hasNextPage());
        return body;
    }

    static String articleUri(String id) {
        return "urn:broadsheet:article:" + id;
    }

    private static Map<String, Object> withdrawn(SyndicationChange change, Instant now) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", articleUri(change.articleId()));
        item.put("standard", standard());
        item.put("type", "text");
        item.put("version", String.valueOf(change.version()));
        item.put("versionCreated", now.toString());
        item.put("pubStatus", "canceled");
        return item;
    }

    static Map<String, Object> item(SyndicatedArticle article) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", articleUri(article.id()));
        item.put("standard", standard());
        item.put("type", "text");
        item.put("version", String.valueOf(article.version()));
        item.put("firstCreated", article.publishedAt().toString());
        item.put("versionCreated", (article.updatedAt() == null ? article.publishedAt() : article.updatedAt()).toString());
        item.put("pubStatus", "usable");
        item.put("headlines", List.of(Map.of("role", "main", "value", article.title())));
        if (article.standfirst() != null) {
            item.put("descriptions", List.of(Map.of("role", "summary", "value", article.standfirst())));
        }
        if (!article.authors().isEmpty()) {
            item.put("by", String.join(", ", article.authors().stream().map(Article.Author::name).toList()));
        }
        item.put("bodies", List.of(Map.of("role", "main", "contentType", "text/html", "value", SyndicatedHtml.body(article))));
        item.put("subjects", article.tags().stream().map(tag -> Map.of("name", tag, "literal", tag, "rel", "tag")).toList());
        item.put("genres", List.of(Map.of("name", article.section(), "literal", "section:" + article.section())));
        item.put("altIds", List.of(Map.of("role", "slug", "value", article.slug())));
        item.put("usageTerms", "Print the attribution given with every image; images not listed here may not be used.");
        List<Map<String, Object>> associations = new ArrayList<>();
        List<SyndicatedImage> images = article.images();
        for (int i = 0; i < images.size(); i++) {
            SyndicatedImage image = images.get(i);
            if (image.carriesAsset()) {
                boolean featured = i == 0 && article.featuredImage() != null;
                associations.add(association(featured ? "featuredimage" : "image" + i, image));
            }
        }
        if (!associations.isEmpty()) {
            item.put("associations", associations);
        }
        return item;
    }

    private static Map<String, Object> association(String name, SyndicatedImage image) {
        MediaAsset asset = image.asset();
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("name", name);
        picture.put("uri", "urn:broadsheet:media:" + asset.id());
        picture.put("type", "picture");
        picture.put("rel", image.decision() == SyndicationDecision.REPLACE ? "placeholder" : "image");
        if (asset.title() != null) {
            picture.put("headlines", List.of(Map.of("value", asset.title())));
        }
        if (image.caption() != null) {
            picture.put("descriptions", List.of(Map.of("role", "caption", "value", image.caption())));
        }
        if (asset.creator() != null) {
            picture.put("by", asset.creator().name());
        }
        String holder = asset.creditLine() != null ? asset.creditLine()
                : asset.creator() != null ? asset.creator().name() : asset.source() != null ? asset.source().name() : null;
        if (holder != null) {
            picture.put("copyrightHolder", holder);
        }
        List<String> terms = new ArrayList<>();
        terms.add(image.attribution());
        terms.addAll(image.obligations());
        picture.put("usageTerms", String.join(". ", terms));
        Licence licence = Licences.byId(asset.licenceId()).orElse(null);
        if (licence != null) {
            picture.put("rightsInfo", licence.url() != null ? Map.of("linkedRights", licence.url())
                    : Map.of("encodedRights", licence.id()));
        }
        List<Map<String, Object>> renditions = new ArrayList<>();
        renditions.add(Map.of("name", "original", "href", asset.url(), "width", asset.width(), "height", asset.height()));
        if (image.crop() != null) {
            renditions.add(Map.of("name", "crop", "title", "Crop used in the article: x " + image.crop().x() + ", y "
                    + image.crop().y(), "width", image.crop().width(), "height", image.crop().height()));
        }
        picture.put("renditions", renditions);
        return picture;
    }

    private static Map<String, Object> standard() {
        return Map.of("name", "ninjs", "version", "3.1", "schema", STANDARD_SCHEMA);
    }
}
