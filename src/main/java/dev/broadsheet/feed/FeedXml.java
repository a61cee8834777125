package dev.broadsheet.feed;

import dev.broadsheet.article.Article;
import dev.broadsheet.article.Correction;
import dev.broadsheet.author.Author;
import dev.broadsheet.seo.SiteProperties;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0, Google News sitemaps, sitemaps and sitemap indexes, written with StAX (every text is escaped
 * by the writer).
 */
final class FeedXml {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** One feed entry: the article and its authors. */
    record Entry(Article article, List<Author> authors) {
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private FeedXml() {
    }

    static byte[] rss(SiteProperties site, String title, String link, String self, List<Entry> entries) {
        return document(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("dc", DC_NS);
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeStartElement("channel");
            text(xml, "title", title);
            text(xml, "link", link);
            text(xml, "description", site.description());
            text(xml, "language", site.language());
            xml.writeEmptyElement(ATOM_NS, "link");
            xml.writeAttribute("href", self);
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            Instant latest = entries.stream().map(e -> e.article().dateModified()).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            if (latest != null) {
                text(xml, "lastBuildDate", rfc1123(latest));
            }
            for (Entry entry : entries) {
                Article article = entry.article();
                String url = site.articleUrl(article);
                xml.writeStartElement("item");
                text(xml, "title", article.title());
                text(xml, "link", url);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters("broadsheet:article:" + article.id());
                xml.writeEndElement();
                text(xml, "pubDate", rfc1123(article.publishedAt()));
                String description = description(article);
                if (description != null) {
                    text(xml, "description", description);
                }
                for (Author author : entry.authors()) {
                    xml.writeStartElement(DC_NS, "creator");
                    xml.writeCharacters(author.name());
                    xml.writeEndElement();
                }
                text(xml, "category", article.section());
                for (String tag : article.tags()) {
                    text(xml, "category", tag);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    static byte[] newsSitemap(SiteProperties site, List<Article> articles) {
        return urlset(site, articles, xml -> xml.writeNamespace("news", NEWS_NS), (xml, article) -> {
            xml.writeStartElement(NEWS_NS, "news");
            xml.writeStartElement(NEWS_NS, "publication");
            text(xml, NEWS_NS, "name", site.name());
            text(xml, NEWS_NS, "language", site.language());
            xml.writeEndElement();
            text(xml, NEWS_NS, "publication_date", w3c(article.publishedAt()));
            text(xml, NEWS_NS, "title", article.title());
            xml.writeEndElement();
        });
    }

    static byte[] sitemap(SiteProperties site, List<Article> articles) {
        return urlset(site, articles, xml -> {}, (xml, article) -> text(xml, SITEMAP_NS, "lastmod",
                w3c(article.dateModified())));
    }

    private interface UrlDetails {
        void write(XMLStreamWriter xml, Article article) throws XMLStreamException;
    }

    /** A sitemap {@code urlset}: per article a {@code url} with its {@code loc}, then its {@code details}. */
    private static byte[] urlset(SiteProperties site, List<Article> articles, Body namespaces, UrlDetails details) {
        return document(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            namespaces.write(xml);
            for (Article article : articles) {
                xml.writeStartElement(SITEMAP_NS, "url");
                text(xml, SITEMAP_NS, "loc", site.articleUrl(article));
                details.write(xml, article);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** An index of monthly sitemaps, each with the latest change of the articles it lists. */
    static byte[] sitemapIndex(SiteProperties site, Map<YearMonth, Instant> months) {
        return document(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (Map.Entry<YearMonth, Instant> month : months.entrySet()) {
                xml.writeStartElement(SITEMAP_NS, "sitemap");
                text(xml, SITEMAP_NS, "loc", site.baseUrl() + "/sitemaps/" + month.getKey() + ".xml");
                text(xml, SITEMAP_NS, "lastmod", w3c(month.getValue()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** The standfirst, followed by any corrections (readers of the feed see them too). */
    private static String description(Article article) {
        StringBuilder text = new StringBuilder(article.standfirst() == null ? "" : article.standfirst());
        for (Correction correction : article.corrections()) {
            text.append(text.isEmpty() ? "" : "\n\n").append(label(correction.kind())).append(" (")
                    .append(correction.at().atOffset(ZoneOffset.UTC).toLocalDate()).append("): ").append(correction.text());
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String label(Correction.Kind kind) {
        return kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String ns, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
