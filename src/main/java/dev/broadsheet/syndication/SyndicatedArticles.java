package dev.broadsheet.syndication;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.Block;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.MediaAsset;
import dev.broadsheet.media.MediaService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds what a partner may receive of published articles: visibility (published, past the partner's
 * embargo, in its sections) and a licence decision for every image. Assets of a whole batch are loaded
 * in one call.
 */
@Component
class SyndicatedArticles {

    private final MediaService media;
    private final SyndicationProperties properties;
    private final Clock clock;

    SyndicatedArticles(MediaService media, SyndicationProperties properties, Clock clock) {
        this.media = media;
        this.properties = properties;
        this.clock = clock;
    }

    /** Published, past the embargo and in the partner's sections, now. */
    boolean visible(Partner partner, Article article) {
        return visible(partner, article, clock.instant());
    }

    static boolean visible(Partner partner, Article article, Instant now) {
        return article.isPublished() && article.publishedAt() != null
                && !partner.releaseOf(article.publishedAt()).isAfter(now) && partner.receivesSection(article.section());
    }

    Optional<SyndicatedArticle> view(Partner partner, Article article) {
        if (article == null || !visible(partner, article)) {
            return Optional.empty();
        }
        return Optional.of(views(partner, List.of(article)).get(article.id()));
    }

    /** Views of articles already known to be visible, by id, with one asset load for all of them. */
    Map<String, SyndicatedArticle> views(Partner partner, Collection<Article> articles) {
        Set<String> assetIds = new LinkedHashSet<>();
        for (Article article : articles) {
            usages(article).forEach(usage -> assetIds.add(usage.assetId()));
        }
        if (properties.placeholderAssetId() != null) {
            assetIds.add(properties.placeholderAssetId());
        }
        Map<String, MediaAsset> assets = media.findAll(assetIds);
        Map<String, SyndicatedArticle> views = new LinkedHashMap<>();
        for (Article article : articles) {
            views.put(article.id(), build(partner, article, assets));
        }
        return views;
    }

    private SyndicatedArticle build(Partner partner, Article article, Map<String, MediaAsset> assets) {
        List<Object> body = new ArrayList<>();
        for (Block block : article.body()) {
            if (block instanceof Block.ImageBlock image) {
                body.add(new SyndicatedImageBlock(image(partner, image.image(), assets)));
            } else if (block instanceof Block.ReadMoreBlock more) {
                body.add(SyndicatedReadMoreBlock.of(more));
            } else {
                body.add(block);
            }
        }
        SyndicatedImage featured = article.featuredImage() == null ? null
                : image(partner, article.featuredImage(), assets);
        return new SyndicatedArticle(article.id(), article.slug(), article.title(), article.standfirst(),
                article.section(), article.tags(), article.authors(), article.authorIds(), article.publishedAt(), article.updatedAt(),
                article.version(), featured, List.copyOf(body));
    }

    private SyndicatedImage image(Partner partner, ImageUsage usage, Map<String, MediaAsset> assets) {
        MediaAsset asset = assets.get(usage.assetId());
        MediaAsset placeholder = properties.placeholderAssetId() == null ? null
                : assets.get(properties.placeholderAssetId());
        if (asset == null) {
            return refused(usage, "The asset no longer exists", placeholder);
        }
        LicenceDecisions.Verdict verdict = LicenceDecisions.decide(new LicenceDecisions.Question(asset.licenceId(),
                asset.syndicationGrants(), partner.id(), partner.commercial(), usage.crop() != null),
                placeholder != null);
        return switch (verdict.decision()) {
            case DELIVER -> new SyndicatedImage(asset.id(), verdict.decision(), verdict.reason(), asset, usage.crop(),
                    usage.caption(), media.attribution(usage, asset), verdict.obligations());
            case REPLACE -> replaced(usage, verdict.reason(), placeholder);
            case OMIT -> new SyndicatedImage(asset.id(), verdict.decision(), verdict.reason(), null, null,
                    usage.caption(), null, List.of());
        };
    }

    private SyndicatedImage refused(ImageUsage usage, String reason, MediaAsset placeholder) {
        if (placeholder != null) {
            return replaced(usage, reason + "; the placeholder image is sent instead", placeholder);
        }
        return new SyndicatedImage(usage.assetId(), SyndicationDecision.OMIT, reason, null, null, usage.caption(),
                null, List.of());
    }

    private SyndicatedImage replaced(ImageUsage usage, String reason, MediaAsset placeholder) {
        ImageUsage whole = new ImageUsage(placeholder.id(), null, usage.caption(), usage.alt());
        return new SyndicatedImage(usage.assetId(), SyndicationDecision.REPLACE, reason, placeholder, null,
                usage.caption(), media.attribution(whole, placeholder), List.of());
    }

    private static List<ImageUsage> usages(Article article) {
        List<ImageUsage> usages = new ArrayList<>();
        if (article.featuredImage() != null) {
            usages.add(article.featuredImage());
        }
        for (Block block : article.body()) {
            if (block instanceof Block.ImageBlock image && image.image() != null) {
                usages.add(image.image());
            }
        }
        return usages;
    }
}
