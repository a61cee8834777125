package dev.broadsheet.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates for editors over WebSocket.
 *
 * @param maxSubscriptionsPerToken subscriptions one token may hold open at once, over all its connections
 * @param idleTimeout              a connection with no subscription and no message for this long is closed
 */
@ConfigurationProperties("broadsheet.live")
public record LiveProperties(
        @DefaultValue("20") int maxSubscriptionsPerToken,
        @DefaultValue("2m") Duration idleTimeout) {
}
