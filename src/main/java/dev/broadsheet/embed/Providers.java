package dev.broadsheet.embed;

import dev.broadsheet.embed.EmbeddedPost.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Which provider a post URL belongs to (by its host), and where that provider's oEmbed endpoint is. */
@Component
class Providers {

    private final Map<Provider, EmbedProperties.Provider> configured = new LinkedHashMap<>();

    Providers(EmbedProperties properties) {
        configured.put(Provider.X, properties.x());
        configured.put(Provider.MASTODON, properties.mastodon());
        configured.put(Provider.BLUESKY, properties.bluesky());
        configured.put(Provider.YOUTUBE, properties.youtube());
    }

    /** The provider whose hosts include the URL's host, or OTHER. */
    Provider detect(String url) {
        String host = host(url);
        for (Map.Entry<Provider, EmbedProperties.Provider> entry : configured.entrySet()) {
            if (host != null && entry.getValue().hosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))) {
                return entry.getKey();
            }
        }
        return Provider.OTHER;
    }

    /** The oEmbed request URI for a post, when its provider has an endpoint. */
    Optional<URI> oEmbedRequest(Provider provider, String url) {
        EmbedProperties.Provider config = configured.get(provider);
        if (config == null || config.endpoint() == null || config.endpoint().isBlank()) {
            return Optional.empty();
        }
        String endpoint = config.endpoint().replace("{host}", host(url));
        String separator = endpoint.contains("?") ? "&" : "?";
        return Optional.of(URI.create(endpoint + separator + "format=json&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)));
    }

    /** Hosts whose embed iframes may be kept in sanitised HTML. */
    Set<String> frameHosts() {
        Set<String> hosts = new HashSet<>(List.of("www.youtube.com", "youtube.com",
                "www.youtube-nocookie.com"));
        configured.get(Provider.MASTODON).hosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        return hosts;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
