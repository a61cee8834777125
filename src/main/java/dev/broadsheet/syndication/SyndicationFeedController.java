package dev.broadsheet.syndication;

import dev.broadsheet.api.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner feeds over HTTP with the partner's bearer token, following the same cursor as
 * {@code syndicationChanges} ({@code ?after=}). Never cached by browsers or CDNs: they carry a token.
 */
@RestController
class SyndicationFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final SyndicationService syndication;
    private final PartnerService partners;
    private final Clock clock;

    SyndicationFeedController(SyndicationService syndication, PartnerService partners, Clock clock) {
        this.syndication = syndication;
        this.partners = partners;
        this.clock = clock;
    }

    @GetMapping(path = "/syndication/ninjs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ninjs(@RequestParam(required = false) String after,
            @RequestParam(required = false) Integer first, @RequestParam(required = false) String partnerId) {
        ChangeFeed.Page page = syndication.changes(after, first, partnerId, "NINJS");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .body(NinjsFeed.page(page, clock.instant()));
    }

    @GetMapping(path = "/syndication/atom")
    ResponseEntity<String> atom(@RequestParam(required = false) String after,
            @RequestParam(required = false) Integer first, @RequestParam(required = false) String partnerId) {
        ChangeFeed.Page page = syndication.changes(after, first, partnerId, "ATOM");
        Partner partner = partners.acting(partnerId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).contentType(ATOM)
                .body(AtomFeed.page(partner, page, clock.instant(), "/syndication/atom"));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("errors", List.of(Map.of("message", e.getMessage(),
                        "extensions", Map.of("code", e.code().name())))));
    }
}
