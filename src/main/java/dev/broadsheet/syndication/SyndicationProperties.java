package dev.broadsheet.syndication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Syndication settings.
 *
 * @param placeholderAssetId a media asset sent instead of an image a partner may not receive (REPLACE);
 *                           none configured means such images are left out (OMIT)
 * @param settleAfter        how long after a sequence number is handed out the change feed trusts that
 *                           every write below it has committed; longer than any write takes
 * @param webhooks           outgoing webhook deliveries
 */
@ConfigurationProperties("broadsheet.syndication")
record SyndicationProperties(
        String placeholderAssetId,
        @DefaultValue("5s") Duration settleAfter,
        @DefaultValue Webhooks webhooks) {

    /**
     * @param pollInterval how often each instance looks for due deliveries
     * @param lease        how long a claimed delivery is reserved for the instance sending it
     * @param firstRetry   the wait after the first failure; doubled after each further failure
     * @param maxRetryWait the longest wait between two attempts
     * @param giveUpAfter  how long after the event a delivery is retried before it is marked failed
     * @param timeout      how long one attempt may take
     */
    record Webhooks(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("10s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetryWait,
            @DefaultValue("24h") Duration giveUpAfter,
            @DefaultValue("10s") Duration timeout) {
    }
}
