package dev.broadsheet.seo;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.Block;
import dev.broadsheet.article.Seo;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.Byline;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.MediaAsset;
import dev.broadsheet.media.MediaService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Article.seo} (overrides with fallbacks) and {@code Article.structuredData} (JSON-LD). */
@Controller
class SeoController {

    static final int DESCRIPTION_LENGTH = 160;

    private final SiteProperties site;
    private final MediaService media;

    SeoController(SiteProperties site, MediaService media) {
        this.site = site;
        this.media = media;
    }

    @SchemaMapping(typeName = "Article")
    SeoView seo(Article article) {
        return view(article, site);
    }

    @SchemaMapping(typeName = "Article")
    CompletableFuture<String> structuredData(Article article, DataLoader<String, MediaAsset> assets,
            DataLoader<String, Author> authors) {
        SeoView seo = view(article, site);
        ImageUsage image = seo.socialImage();
        CompletableFuture<MediaAsset> asset = image == null ? CompletableFuture.completedFuture(null)
                : assets.load(image.assetId());
        CompletableFuture<List<Author>> byline = Byline.load(authors, article.authorIds());
        return asset.thenCombine(byline, (found, people) -> StructuredData.newsArticle(article, seo, people, found,
                found == null ? null : media.attribution(image, found), site));
    }

    static SeoView view(Article article, SiteProperties site) {
        Seo seo = article.seo() == null ? new Seo(null, null, null, false, null) : article.seo();
        return new SeoView(seo.title() != null ? seo.title() : article.title(),
                seo.description() != null ? seo.description() : description(article),
                seo.canonicalUrl() != null ? seo.canonicalUrl() : site.articleUrl(article),
                seo.noIndex(),
                seo.socialImage() != null ? seo.socialImage() : article.featuredImage());
    }

    /** The standfirst, else the opening paragraph cut at a word near 160 characters. */
    private static String description(Article article) {
        if (article.standfirst() != null) {
            return article.standfirst();
        }
        for (Block block : article.body()) {
            if (block instanceof Block.ParagraphBlock paragraph) {
                String text = paragraph.text().strip();
                if (text.length() <= DESCRIPTION_LENGTH) {
                    return text;
                }
                int cut = text.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
                return text.substring(0, cut > 0 ? cut : DESCRIPTION_LENGTH - 1) + "…";
            }
        }
        return null;
    }
}
