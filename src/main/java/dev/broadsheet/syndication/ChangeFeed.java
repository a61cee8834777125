package dev.broadsheet.syndication;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleChange;
import dev.broadsheet.article.ArticleService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What changed for one partner since a cursor, derived from the article documents themselves: every
 * save stamps its article with the next write-sequence number, and an unpublished or archived article
 * stays in the collection with its status, so the article document is its own tombstone. The feed
 * reads articles by {@code seq} up to the {@link SettledSequence settled} number and, for each, tells
 * the partner what to do with it now: UPSERT when it may hold the article, WITHDRAWN when it may
 * have held it before but no longer may, nothing for a draft that was never out. An article the
 * partner will see once its embargo has passed holds the feed there (the cursor does not move past
 * it), so nothing is skipped when the embargo ends without a write.
 */
@Component
class ChangeFeed {

    private static final String CURSOR_ID = "changes";

    private final ArticleService articles;
    private final SyndicatedArticles views;
    private final SettledSequence settled;
    private final Clock clock;

    ChangeFeed(ArticleService articles, SyndicatedArticles views, SettledSequence settled, Clock clock) {
        this.articles = articles;
        this.views = views;
        this.settled = settled;
        this.clock = clock;
    }

    /** One page of changes and where the next page starts ({@code resumeAfter} moves past skipped drafts). */
    record Page(List<SyndicationChange> changes, long resumeAfter, boolean hasNextPage) {

        String cursor() {
            return encode(resumeAfter);
        }
    }

    Page page(Partner partner, long after, int first) {
        long upTo = settled.settled();
        Instant now = clock.instant();
        List<ArticleChange> picked = new ArrayList<>();
        long position = after;
        boolean held = false;
        boolean exhausted = false;
        int batchSize = Math.max(first + 1, 50);
        while (picked.size() < first && !held && !exhausted && position < upTo) {
            List<ArticleChange> batch = articles.changed(position, upTo, batchSize);
            exhausted = batch.size() < batchSize;
            for (ArticleChange change : batch) {
                Action action = action(partner, change.article(), now);
                if (action == Action.HOLD) {
                    held = true;
                    break;
                }
                if (action != Action.SKIP) {
                    picked.add(change);
                }
                position = change.seq();
                if (picked.size() == first) {
                    break;
                }
            }
        }
        List<Article> upserts = picked.stream().map(ArticleChange::article)
                .filter(article -> action(partner, article, now) == Action.UPSERT).toList();
        Map<String, SyndicatedArticle> built = upserts.isEmpty() ? Map.of() : views.views(partner, upserts);
        List<SyndicationChange> changes = new ArrayList<>();
        for (ArticleChange change : picked) {
            Article article = change.article();
            SyndicatedArticle view = built.get(article.id());
            changes.add(view != null
                    ? new SyndicationChange(SyndicationChange.Type.UPSERT, article.id(), article.version(), change.seq(), view)
                    : new SyndicationChange(SyndicationChange.Type.WITHDRAWN, article.id(), article.version(), change.seq(), null));
        }
        boolean more = !held && !exhausted && position < upTo;
        return new Page(changes, position, more);
    }

    private enum Action { UPSERT, WITHDRAWN, HOLD, SKIP }

    private static Action action(Partner partner, Article article, Instant now) {
        if (SyndicatedArticles.visible(partner, article, now)) {
            return Action.UPSERT;
        }
        boolean released = article.publishedAt() != null && !partner.releaseOf(article.publishedAt()).isAfter(now);
        if (article.isPublished() && partner.receivesSection(article.section()) && !released) {
            return Action.HOLD;
        }
        return released ? Action.WITHDRAWN : Action.SKIP;
    }

    static long decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        Cursor decoded = Cursor.decode(cursor);
        if (!CURSOR_ID.equals(decoded.id()) || decoded.sortKey() < 0) {
            throw ApiException.validation("after", "after is not a change-feed cursor");
        }
        return decoded.sortKey();
    }

    static String encode(long seq) {
        return new Cursor(seq, CURSOR_ID).encode();
    }

}
