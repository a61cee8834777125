package dev.broadsheet.syndication;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.store.EntityChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns article changes into queued webhook deliveries. It follows the store's change events: this
 * instance's writes at once, other instances' as the change follower learns them, so a change is
 * queued even if the instance that wrote it died before queuing. The article's last queued state is
 * advanced with a conditional write, so each change is named and queued once, however many instances
 * react. Drafts that were never published, and changes readers cannot see, queue nothing.
 */
@Component
class WebhookEvents {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 3;

    private final ArticleService articles;
    private final WebhookStore store;
    private final PartnerStore partners;
    private final Clock clock;

    WebhookEvents(ArticleService articles, WebhookStore store, PartnerStore partners, Clock clock) {
        this.articles = articles;
        this.store = store;
        this.partners = partners;
        this.clock = clock;
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (!"articles".equals(change.collection())) {
            return;
        }
        try {
            queue(change.id(), change.seq());
        } catch (RuntimeException e) {
            // The article write stands; another instance following the sequence may still queue it.
            log.warn("Could not queue webhooks for article {}: {}", change.id(), e.toString());
        }
    }

    void queue(String articleId, long seq) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Article article = articles.findAnyStatus(articleId).orElse(null);
            if (article == null) {
                return;
            }
            WebhookArticleState previous = store.state(articleId).orElse(null);
            if (previous != null && previous.version() >= article.version()) {
                return;
            }
            WebhookArticleState next = new WebhookArticleState(articleId, article.version(), article.isPublished(),
                    article.section());
            if (store.advance(previous, next)) {
                String type = type(previous, article);
                if (type != null) {
                    fanOut(type, article, previous, seq);
                }
                return;
            }
        }
    }

    /** PUBLISHED, UPDATED, UNPUBLISHED, ARCHIVED, or null when nothing a reader saw changed. */
    static String type(WebhookArticleState previous, Article article) {
        boolean wasPublished = previous != null && previous.published();
        if (article.isPublished()) {
            return wasPublished ? "UPDATED" : "PUBLISHED";
        }
        if (!wasPublished) {
            return null;
        }
        return switch (article.status()) {
            case ARCHIVED -> "ARCHIVED";
            default -> "UNPUBLISHED";
        };
    }

    private void fanOut(String type, Article article, WebhookArticleState previous, long seq) {
        Instant now = clock.instant();
        String payload = payload(type, article, now);
        for (WebhookEndpoint endpoint : store.activeEndpoints()) {
            if (endpoint.kind() == WebhookEndpoint.Kind.PARTNER && !concerns(endpoint, type, article, previous, now)) {
                continue;
            }
            store.enqueue(new WebhookDelivery(endpoint.id() + ":" + article.id() + ":" + article.version(),
                    endpoint.id(), article.id(), article.version(), seq, type, payload, WebhookDelivery.Status.PENDING,
                    0, now, now, null, null, null, null, null));
        }
    }

    /**
     * A partner hears of articles in its sections (before or after the change), and of a publication
     * only once past its embargo; it learns of an embargoed article from the change feed when released.
     */
    private boolean concerns(WebhookEndpoint endpoint, String type, Article article, WebhookArticleState previous,
            Instant now) {
        Partner partner = partners.find(endpoint.partnerId()).orElse(null);
        if (partner == null) {
            return false;
        }
        boolean inSections = partner.receivesSection(article.section())
                || (previous != null && partner.receivesSection(previous.section()));
        if (!inSections) {
            return false;
        }
        boolean upsert = type.equals("PUBLISHED") || type.equals("UPDATED");
        return !upsert || SyndicatedArticles.visible(partner, article, now);
    }

    private static String payload(String type, Article article, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("articleId", article.id());
        event.put("version", article.version());
        event.put("surrogateKeys", List.of("article:" + article.id()));
        event.put("occurredAt", now.toString());
        return JSON.writeValueAsString(event);
    }
}
