package dev.broadsheet.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.util.DigestUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * GraphiQL served whole from the application (no CDN): the page at {@code spring.graphql.graphiql.path}
 * and its scripts, styles and Monaco workers under that path, from {@code classpath:graphiql-bundle/}
 * (built by {@code src/graphiql/build.mjs}). It takes the place of Spring for GraphQL's stock page on
 * the same switch, {@code spring.graphql.graphiql.enabled} (off in the production profile, so the
 * assets are not served there either).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiqlPage {

    private static final String BUNDLE = "graphiql-bundle/";
    private static final String TEMPLATE = "index.html";
    /** The bundle's files by location: an MD5 of their bytes, computed on first request. */
    private static final Map<String, String> ETAGS = new ConcurrentHashMap<>();

    /**
     * Only this origin's scripts, styles, workers and sockets: a page that tried to load anything from
     * elsewhere would fail loudly rather than hang on a locked-down network. Monaco sets inline styles.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; worker-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Ahead of Spring for GraphQL's own GraphiQL route, which serves the CDN page on the same path. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static RouterFunction<ServerResponse> graphiqlRoutes(
            @Value("${spring.graphql.graphiql.path:/graphiql}") String pagePath,
            @Value("${spring.graphql.http.path:/graphql}") String endpoint,
            @Value("${spring.graphql.websocket.path:}") String subscriptions) {
        String template = read(new ClassPathResource(BUNDLE + TEMPLATE));
        Function<ServerRequest, Optional<Resource>> assets = RouterFunctions
                .resourceLookupFunction(pagePath + "/**", new ClassPathResource(BUNDLE))
                .andThen(found -> found.filter(resource -> !TEMPLATE.equals(resource.getFilename())));
        return RouterFunctions.route()
                .GET(pagePath, request -> page(request, template, pagePath, endpoint, subscriptions))
                .build()
                .and(RouterFunctions.resources(assets, GraphiqlPage::assetHeaders));
    }

    /** Revalidated on every load, answered 304 while unchanged: the bundle is megabytes, rebuilt rarely. */
    private static void assetHeaders(Resource resource, HttpHeaders headers) {
        headers.setCacheControl(CacheControl.noCache());
        headers.setETag(ETAGS.computeIfAbsent(resource.getDescription(), description -> {
            try (InputStream in = resource.getInputStream()) {
                return "\"" + DigestUtils.md5DigestAsHex(in) + "\"";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static ServerResponse page(ServerRequest request, String template, String pagePath, String endpoint,
            String subscriptions) {
        String context = request.requestPath().contextPath().value();
        String html = template
                .replace("{{assets}}", HtmlUtils.htmlEscape(context + pagePath))
                .replace("{{endpoint}}", HtmlUtils.htmlEscape(context + endpoint))
                .replace("{{subscriptions}}", subscriptions.isEmpty() ? "" : HtmlUtils.htmlEscape(context + subscriptions));
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The GraphiQL bundle is missing: run npm run build in src/graphiql", e);
        }
    }
}
