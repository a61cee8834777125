package dev.broadsheet.article;

import dev.broadsheet.author.AuthorService;
import dev.broadsheet.donation.DonationService;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class ArticleService {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final ArticleStore store;
    private final DonationService donations;
    private final ArticleEditing editing;
    private final ArticleReadCache reads;
    private final AuthorService authors;

    private final RevisionStore revisions;

    ArticleService(ArticleStore store, DonationService donations, ArticleEditing editing, ArticleReadCache reads,
            RevisionStore revisions, AuthorService authors) {
        this.revisions = revisions;
        this.authors = authors;
        this.reads = reads;
        this.store = store;
        this.donations = donations;
        this.editing = editing;
    }

    public Optional<Article> findPublishedById(String id) {
        return reads.byId(id);
    }

    /** By id (checking the slug too when both are given) or by slug. */
    public Optional<Article> findPublished(String slug, String id) {
        if (id != null) {
            return reads.byId(id).filter(article -> slug == null || slug.equals(article.slug()));
        }
        return slug == null ? Optional.empty() : reads.bySlug(slug);
    }

    public Map<String, Article> findPublished(Collection<String> ids) {
        return ids.isEmpty() ? Map.of()
                : reads.byIds(ids);
    }

    public Connection<Article> latest(PageRequest page, String section, String tag) {
        return latest(page, section, tag, null);
    }

    /** Published articles newest first, optionally in a section, with a tag, or by an author (id). */
    public Connection<Article> latest(PageRequest page, String section, String tag, String authorId) {
        List<Article> rows = reads.latest(section, tag, authorId, page.after(), page.fetchSize());
        return Connection.of(rows, page.size(), page.after() != null,
                article -> Cursor.of(article.publishedAt(), article.id()).encode());
    }

    /**
     * Published articles sharing tags, authors or the section with {@code article}, best first
     * ({@link RelatedArticles}); never the article itself. first: 0..20.
     */
    public List<Article> related(Article article, int first) {
        if (first < 0 || first > RelatedArticles.MAX_FIRST) {
            throw ApiException.validation("first", "first must be between 0 and " + RelatedArticles.MAX_FIRST);
        }
        return RelatedArticles.of(article, first, (section, tag, authorId) ->
                reads.latest(section, tag, authorId, null, RelatedArticles.CANDIDATES_PER_LIST));
    }

    /** The published article with {@code id} read from the store, not the cache (for indexers following writes). */
    public Optional<Article> findPublishedUncached(String id) {
        return store.findPublishedById(id);
    }

    /**
     * Where a front-end path's last segment (a slug) leads: the article under its current slug (200), an
     * earlier slug of a published article (301 to the current one), an archived or withdrawn article
     * (410) or nothing (404).
     */
    public PathResolution resolvePath(String path) {
        return PathResolution.resolve(path, store::findAnyBySlugOrPrevious);
    }

    /** The body as a reader sees it: what editors wrote, with donation appeals placed by rule. */
    public List<Object> servedBody(Article article, Integer readerBucket) {
        return servedBody(article, readerBucket, false);
    }

    /** The body for one reader; a supporter sees no appeals (or only membership upsells, if configured). */
    public List<Object> servedBody(Article article, Integer readerBucket, boolean supporter) {
        if (article.suppressDonations()) {
            return List.copyOf(article.body());
        }
        return ArticleBody.withAppeals(article.body(),
                donations.placementsFor(article.section(), article.tags(), readerBucket, supporter));
    }

    /**
     * Articles of any status changed at sequence numbers in {@code (after, upTo]}, oldest change first:
     * for followers (syndication) that must also learn of withdrawals. Each article appears once, as it
     * is now, at the number of its last change.
     */
    public List<ArticleChange> changed(long after, long upTo, int limit) {
        return store.findChanged(after, upTo, limit);
    }

    /** An article whatever its status (for followers reacting to a change event); never cached. */
    public Optional<Article> findAnyStatus(String id) {
        return store.findById(id);
    }

    /** Stores an article from trusted code (sample content, imports); by-lines without author ids get them. */
    public void save(Article article) {
        store.save(article.authorIds().isEmpty() && !article.authors().isEmpty()
                ? article.withAuthorIds(BylineMigration.authorIdsOf(article, authors)) : article);
    }

    /** Opens, premoderates or closes an article's comments (editors); a save like any other. */
    public Article setCommentMode(String id, long expectedVersion, CommentMode mode) {
        return editing.setCommentMode(id, expectedVersion, mode);
    }

    /** Adds {@code delta} to {@code commentCount}, once per {@code op} however often it is re-run. */
    public void applyCommentCount(String articleId, int delta, String op) {
        store.applyCommentCount(articleId, delta, op);
    }

    /** Sets {@code commentCount} (a recount from the comments themselves); false when there is no such article. */
    public boolean setCommentCount(String articleId, int count) {
        return store.setCommentCount(articleId, count);
    }

    /**
     * The article's latest save (any status), for live updates; empty when there is no such article or
     * its revision is not recorded yet (it is written just after the article, so ask again shortly).
     */
    public Optional<ArticleChangeEvent> latestChange(String articleId) {
        Optional<Article> article = store.findById(articleId);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        long version = article.get().version();
        List<ArticleRevision> lastTwo = revisions.lastTwo(articleId, version);
        if (lastTwo.isEmpty() || lastTwo.get(0).revision() != version) {
            return Optional.empty();
        }
        ArticleRevision latest = lastTwo.get(0);
        ArticleStatus before = lastTwo.size() > 1 ? lastTwo.get(1).article().status() : null;
        return Optional.of(new ArticleChangeEvent(articleId, ArticleChangeEvent.between(before, article.get().status()),
                version, article.get().status(), latest.byId(), latest.byName(), latest.at()));
    }

    /** Whether an article exists in any status (no caller check: for features that check their own). */
    public boolean exists(String articleId) {
        return findAnyStatus(articleId).isPresent();
    }
}
