package dev.broadsheet.feed;

import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.seo.SiteProperties;
import dev.broadsheet.store.EntityChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Reader feeds and sitemaps, rendered once and kept until an article, author or section changes (this
 * instance's writes at once, other instances' through the write sequence).
 */
@Service
class FeedService {

    static final int FEED_SIZE = 50;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1000 URLs from a news sitemap. */
    static final int NEWS_MAX = 1000;
    private static final Set<String> INVALIDATING = Set.of("articles", "authors", "sections");

    /** A rendered document, its entity tag and the surrogate keys a CDN can purge it by. */
    record Rendered(byte[] body, String etag, String surrogateKeys) {
    }

    private final ArticleService articles;
    private final AuthorService authors;
    private final SiteProperties site;
    private final Clock clock;
    private final ReadCache<String, Optional<Rendered>> rendered;

    FeedService(ArticleService articles, AuthorService authors, SiteProperties site, Clock clock, Caches caches) {
        this.articles = articles;
        this.authors = authors;
        this.site = site;
        this.clock = clock;
        this.rendered = caches.create("feed.rendered", this::render);
    }

    /** The document at {@code path} (e.g. {@code /feeds/rss.xml}), or empty when there is none. */
    Optional<Rendered> get(String path) {
        // The news sitemap slides with time: its key changes every ten minutes.
        String key = path.equals("/sitemaps/news.xml") ? path + "@" + clock.instant().getEpochSecond() / 600 : path;
        return rendered.get(key);
    }

    @EventListener
    void onChange(EntityChanged change) {
        if (INVALIDATING.contains(change.collection())) {
            rendered.invalidateAll();
        }
    }

    private Optional<Rendered> render(String key) {
        String path = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
        String[] parts = path.split("/");
        if (path.equals("/feeds/rss.xml")) {
            return Optional.of(rss(site.name(), site.baseUrl(), path, null, null, "feeds list:all"));
        }
        if (parts.length == 5 && parts[1].equals("feeds") && parts[4].equals("rss.xml")) {
            String slug = parts[3];
            if (parts[2].equals("sections")) {
                String name = authors.section(slug).map(s -> s.name()).orElse(slug);
                Rendered feed = rss(site.name() + ": " + name, site.sectionUrl(slug), path, slug, null,
                        "feeds list:section:" + slug);
                return authors.section(slug).isPresent() || hasItems(feed) ? Optional.of(feed) : Optional.empty();
            }
            if (parts[2].equals("authors")) {
                return authors.findBySlug(slug).map(author -> rss(site.name() + ": " + author.name(),
                        site.authorUrl(slug), path, null, author.id(), "feeds list:author:" + author.id()));
            }
        }
        if (path.equals("/sitemaps/news.xml")) {
            return Optional.of(rendered(FeedXml.newsSitemap(site, newsArticles()), "sitemaps list:all"));
        }
        if (path.equals("/sitemap.xml")) {
            Map<YearMonth, Instant> months = new TreeMap<>();
            for (Article article : allPublished()) {
                months.merge(month(article), article.dateModified(), (a, b) -> a.isAfter(b) ? a : b);
            }
            return Optional.of(rendered(FeedXml.sitemapIndex(site, months), "sitemaps list:all"));
        }
        if (parts.length == 3 && parts[1].equals("sitemaps") && parts[2].matches("\\d{4}-\\d{2}\\.xml")) {
            YearMonth month = YearMonth.parse(parts[2].substring(0, 7));
            List<Article> inMonth = allPublished().stream().filter(a -> month(a).equals(month)).toList();
            return inMonth.isEmpty() ? Optional.empty()
                    : Optional.of(rendered(FeedXml.sitemap(site, inMonth), "sitemaps list:all"));
        }
        return Optional.empty();
    }

    private Rendered rss(String title, String link, String path, String section, String authorId, String keys) {
        Connection<Article> latest = articles.latest(PageRequest.of(FEED_SIZE, null, FEED_SIZE), section, null, authorId);
        List<Article> items = latest.nodes();
        Map<String, Author> found = authors.findAll(items.stream().flatMap(a -> a.authorIds().stream()).distinct().toList());
        List<FeedXml.Entry> entries = items.stream().map(article -> new FeedXml.Entry(article,
                article.authorIds().stream().map(found::get).filter(Objects::nonNull).toList())).toList();
        return rendered(FeedXml.rss(site, title, link, site.baseUrl() + path, entries), keys);
    }

    private static boolean hasItems(Rendered feed) {
        return new String(feed.body(), StandardCharsets.UTF_8).contains("<item>");
    }

    /** Published in the last 48 hours, newest first. */
    private List<Article> newsArticles() {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        List<Article> news = new ArrayList<>();
        String after = null;
        do {
            Connection<Article> page = articles.latest(PageRequest.of(PageRequest.MAX_SIZE, after, 0), null, null);
            for (Article article : page.nodes()) {
                if (article.publishedAt().isBefore(since) || news.size() >= NEWS_MAX) {
                    return news;
                }
                news.add(article);
            }
            after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null);
        return news;
    }

    private List<Article> allPublished() {
        List<Article> all = new ArrayList<>();
        String after = null;
        do {
            Connection<Article> page = articles.latest(PageRequest.of(PageRequest.MAX_SIZE, after, 0), null, null);
            all.addAll(page.nodes());
            after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null);
        return all;
    }

    private static YearMonth month(Article article) {
        return YearMonth.from(article.publishedAt().atOffset(ZoneOffset.UTC));
    }

    private static Rendered rendered(byte[] body, String keys) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Rendered(body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", keys);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
