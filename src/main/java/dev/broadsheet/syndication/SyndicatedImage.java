package dev.broadsheet.syndication;

import dev.broadsheet.media.Crop;
import dev.broadsheet.media.MediaAsset;
import java.util.List;

/**
 * An image as a partner may receive it. {@code asset} (and so its URL) is null unless delivered, or
 * is the placeholder when replaced.
 */
record SyndicatedImage(
        String assetId,
        SyndicationDecision decision,
        String reason,
        MediaAsset asset,
        Crop crop,
        String caption,
        String attribution,
        List<String> obligations) {

    boolean carriesAsset() {
        return asset != null;
    }
}
