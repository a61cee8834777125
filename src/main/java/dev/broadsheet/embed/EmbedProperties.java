package dev.broadsheet.embed;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Broadsheet fetches oEmbed responses from ({@code broadsheet.embeds.*}).
 *
 * @param timeout          the whole fetch (connect, request and body) must finish within this
 * @param maxResponseBytes larger responses are refused
 * @param x                e.g. {@code broadsheet.embeds.x.endpoint}, {@code broadsheet.embeds.x.hosts}
 * @param mastodon         endpoint may name {@code {host}}: Mastodon serves oEmbed per instance, so only
 *                         listed instance hosts are recognised (and fetched from)
 */
@ConfigurationProperties("broadsheet.embeds")
public record EmbedProperties(
        Duration timeout,
        Integer maxResponseBytes,
        Provider x,
        Provider mastodon,
        Provider bluesky,
        Provider youtube) {

    public EmbedProperties {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        maxResponseBytes = maxResponseBytes == null ? 256 * 1024 : maxResponseBytes;
        x = Provider.orDefault(x, "https://publish.twitter.com/oembed",
                List.of("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"));
        mastodon = Provider.orDefault(mastodon, "https://{host}/api/oembed",
                List.of("mastodon.social", "mastodon.online", "mstdn.social", "mas.to", "fosstodon.org", "journa.host"));
        bluesky = Provider.orDefault(bluesky, "https://embed.bsky.app/oembed", List.of("bsky.app"));
        youtube = Provider.orDefault(youtube, "https://www.youtube.com/oembed",
                List.of("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"));
    }

    /**
     * @param endpoint the oEmbed endpoint; {@code url} and {@code format=json} are added as parameters
     * @param hosts    URL hosts that belong to this provider
     */
    public record Provider(String endpoint, List<String> hosts) {

        static Provider orDefault(Provider configured, String endpoint, List<String> hosts) {
            if (configured == null) {
                return new Provider(endpoint, hosts);
            }
            return new Provider(configured.endpoint() == null ? endpoint : configured.endpoint(),
                    configured.hosts() == null ? hosts : configured.hosts());
        }
    }
}
