package dev.broadsheet.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /feeds/rss.xml}, {@code /feeds/sections/{slug}/rss.xml}, {@code /feeds/authors/{slug}/rss.xml},
 * {@code /sitemaps/news.xml}, {@code /sitemap.xml} and the monthly {@code /sitemaps/YYYY-MM.xml}: with an
 * ETag (If-None-Match answers 304), Cache-Control and Surrogate-Key.
 */
@RestController
class FeedController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping({"/feeds/rss.xml", "/feeds/sections/{slug}/rss.xml", "/feeds/authors/{slug}/rss.xml"})
    ResponseEntity<byte[]> rss(HttpServletRequest request) {
        return serve(request, RSS);
    }

    @GetMapping({"/sitemaps/news.xml", "/sitemap.xml", "/sitemaps/{month}.xml"})
    ResponseEntity<byte[]> sitemap(HttpServletRequest request) {
        return serve(request, XML);
    }

    private ResponseEntity<byte[]> serve(HttpServletRequest request, MediaType type) {
        return feeds.get(request.getRequestURI().substring(request.getContextPath().length()))
                .map(doc -> {
                    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
                    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
                    if (ifNoneMatch != null && ifNoneMatch.contains(doc.etag())) {
                        response = ResponseEntity.status(HttpStatus.NOT_MODIFIED);
                    }
                    response.eTag(doc.etag()).cacheControl(CACHE).header("Surrogate-Key", doc.surrogateKeys());
                    return ifNoneMatch != null && ifNoneMatch.contains(doc.etag()) ? response.<byte[]>build()
                            : response.contentType(type).body(doc.body());
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No such feed".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
