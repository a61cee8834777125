package dev.broadsheet.syndication;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The partner's view: one article, the change feed, and the audit of what partners received. Every
 * entry point first settles who the request acts for ({@link PartnerService#acting}). What a partner
 * token receives is logged; what an admin previews as a partner is not.
 */
@Service
class SyndicationService {

    static final int DEFAULT_CHANGES = 50;

    private final PartnerService partners;
    private final ArticleService articles;
    private final SyndicatedArticles views;
    private final ChangeFeed feed;
    private final SyndicationLog log;
    private final Callers callers;

    SyndicationService(PartnerService partners, ArticleService articles, SyndicatedArticles views, ChangeFeed feed,
            SyndicationLog log, Callers callers) {
        this.partners = partners;
        this.articles = articles;
        this.views = views;
        this.feed = feed;
        this.log = log;
        this.callers = callers;
    }

    Optional<SyndicatedArticle> article(String id, String slug, String partnerId) {
        Partner partner = partners.acting(partnerId);
        Optional<SyndicatedArticle> view = articles.findPublished(slug, id)
                .flatMap(article -> views.view(partner, article));
        view.ifPresent(v -> logReceived(partner, "ARTICLE", List.of(v)));
        return view;
    }

    /** The change feed for the acting partner, logged as received over {@code channel}. */
    ChangeFeed.Page changes(String after, Integer first, String partnerId, String channel) {
        Partner partner = partners.acting(partnerId);
        PageRequest size = PageRequest.of(first, null, DEFAULT_CHANGES);
        ChangeFeed.Page page = feed.page(partner, ChangeFeed.decode(after), size.size());
        logReceived(partner, channel, page.changes().stream()
                .filter(change -> change.article() != null).map(SyndicationChange::article).toList());
        return page;
    }

    Connection<SyndicationLogEntry> log(String partnerId, String articleId, Integer first, String after) {
        if (partnerId == null) {
            callers.require(Role.ADMIN);
        } else {
            partners.requireAdminOrSelf(partnerId);
        }
        PageRequest page = PageRequest.of(first, after, 50);
        return Connection.of(log.page(partnerId, articleId, page.after(), page.fetchSize()), page.size(),
                page.after() != null, entry -> Cursor.of(entry.at(), entry.id()).encode());
    }

    private void logReceived(Partner partner, String channel, List<SyndicatedArticle> received) {
        if (callers.current().role() == Role.PARTNER) {
            log.received(partner, channel, received);
        }
    }
}
