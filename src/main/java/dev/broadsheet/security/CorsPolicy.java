package dev.broadsheet.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one CORS policy of the API. Spring Security's {@code CorsFilter} applies it before any token is
 * read, so a preflight never needs one; code that answers requests ahead of the security chain (a
 * response cache, say) should apply this same {@link CorsConfigurationSource} bean.
 */
@Configuration(proxyBeanMethods = false)
public class CorsPolicy {

    /** The bean's name: inject it with {@code @Qualifier(CorsPolicy.BEAN) CorsConfigurationSource}. */
    public static final String BEAN = "corsConfigurationSource";

    /** Headers a browser client may send: credentials, JSON bodies, conditional GETs. */
    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.IF_NONE_MATCH);
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG);

    @Bean(BEAN)
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CorsConfiguration api = apiPolicy(properties);
        if (api != null) {
            source.registerCorsConfiguration("/**", api);
        }
        return source;
    }

    /** The policy for every path; null when no origin is allowed. Also checks WebSocket handshakes. */
    public static CorsConfiguration apiPolicy(CorsProperties properties) {
        if (properties.allowedOrigins().isEmpty()) {
            return null;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOriginPatterns(properties.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        api.setAllowedHeaders(ALLOWED_HEADERS);
        api.setExposedHeaders(EXPOSED_HEADERS);
        // Bearer tokens travel in a header, never in cookies: no credentialed (cookie) requests.
        api.setAllowCredentials(false);
        api.setMaxAge(properties.maxAge());
        return api;
    }
}
