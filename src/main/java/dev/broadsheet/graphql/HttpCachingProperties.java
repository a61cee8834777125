package dev.broadsheet.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP caching of anonymous {@code GET /graphql} responses by browsers and CDNs.
 *
 * @param maxAge               {@code Cache-Control: max-age}
 * @param staleWhileRevalidate {@code Cache-Control: stale-while-revalidate}
 */
@ConfigurationProperties("broadsheet.http-cache")
public record HttpCachingProperties(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("300s") Duration staleWhileRevalidate) {

    String publicCacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }
}
