package dev.broadsheet.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API (the admin UI, browser front ends).
 *
 * @param allowedOrigins origin patterns such as {@code https://admin.example} or {@code http://localhost:*};
 *                       empty (the production default) allows no other origin
 * @param maxAge         how long a browser may reuse a preflight answer
 */
@ConfigurationProperties("broadsheet.http.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
