package dev.broadsheet.syndication;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * What one partner received: an article version, over which channel, with which image decisions.
 * (Public only for the driver's record codec.)
 *
 * @param channel ARTICLE (syndicatedArticle), CHANGES (syndicationChanges), NINJS or ATOM
 */
public record SyndicationLogEntry(
        @BsonId String id,
        String partnerId,
        String articleId,
        long version,
        String channel,
        Instant at,
        List<ImageDecision> images) {

    /** The decision about one image of the article. */
    public record ImageDecision(String assetId, SyndicationDecision decision, String reason) {
    }
}
