package dev.broadsheet.syndication;

import dev.broadsheet.article.Article;
import dev.broadsheet.media.Licence;
import dev.broadsheet.media.Licences;
import dev.broadsheet.media.MediaAsset;
import java.io.StringWriter;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Change-feed pages as Atom 1.0 with Media RSS: an entry per upsert, carrying {@code media:content}
 * (with {@code media:credit} and {@code media:license}) for delivered images only, and an Atom
 * tombstone ({@code at:deleted-entry}, RFC 6721) per withdrawal. {@code link rel="next"} resumes.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

    private AtomFeed() {
    }

    static String page(Partner partner, ChangeFeed.Page page, Instant now, String selfPath) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeNamespace("media", MEDIA);
            xml.writeNamespace("at", TOMBSTONES);
            text(xml, "id", "urn:broadsheet:syndication:" + partner.id());
            text(xml, "title", "Broadsheet syndication for " + partner.name());
            text(xml, "updated", now.toString());
            link(xml, "next", selfPath + "?after=" + page.cursor());
            for (SyndicationChange change : page.changes()) {
                if (change.article() == null) {
                    xml.writeStartElement("at", "deleted-entry", TOMBSTONES);
                    xml.writeAttribute("ref", NinjsFeed.articleUri(change.articleId()));
                    xml.writeAttribute("when", now.toString());
                    xml.writeEndElement();
                } else {
                    entry(xml, change.article());
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, SyndicatedArticle article) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", NinjsFeed.articleUri(article.id()));
        text(xml, "title", article.title());
        text(xml, "published", article.publishedAt().toString());
        text(xml, "updated", (article.updatedAt() == null ? article.publishedAt() : article.updatedAt()).toString());
        for (Article.Author author : article.authors()) {
            xml.writeStartElement("author");
            text(xml, "name", author.name());
            xml.writeEndElement();
        }
        category(xml, article.section(), "section");
        for (String tag : article.tags()) {
            category(xml, tag, "tag");
        }
        if (article.standfirst() != null) {
            text(xml, "summary", article.standfirst());
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(SyndicatedHtml.body(article));
        xml.writeEndElement();
        for (SyndicatedImage image : article.images()) {
            if (image.carriesAsset()) {
                media(xml, image);
            }
        }
        xml.writeEndElement();
    }

    private static void media(XMLStreamWriter xml, SyndicatedImage image) throws XMLStreamException {
        MediaAsset asset = image.asset();
        xml.writeStartElement("media", "content", MEDIA);
        xml.writeAttribute("url", asset.url());
        xml.writeAttribute("medium", "image");
        xml.writeAttribute("width", String.valueOf(asset.width()));
        xml.writeAttribute("height", String.valueOf(asset.height()));
        if (asset.title() != null) {
            xml.writeStartElement("media", "title", MEDIA);
            xml.writeCharacters(asset.title());
            xml.writeEndElement();
        }
        if (image.caption() != null) {
            xml.writeStartElement("media", "description", MEDIA);
            xml.writeCharacters(image.caption());
            xml.writeEndElement();
        }
        xml.writeStartElement("media", "credit", MEDIA);
        xml.writeAttribute("role", "photographer");
        xml.writeCharacters(image.attribution());
        xml.writeEndElement();
        Licence licence = Licences.byId(asset.licenceId()).orElse(null);
        if (licence != null) {
            xml.writeStartElement("media", "license", MEDIA);
            if (licence.url() != null) {
                xml.writeAttribute("type", "text/html");
                xml.writeAttribute("href", licence.url());
            }
            xml.writeCharacters(licence.name());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void category(XMLStreamWriter xml, String term, String scheme) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", "urn:broadsheet:" + scheme);
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
