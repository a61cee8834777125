package dev.broadsheet.article;

import dev.broadsheet.article.Block.EmbeddedPostBlock;
import dev.broadsheet.article.Block.HeadingBlock;
import dev.broadsheet.article.Block.ImageBlock;
import dev.broadsheet.article.Block.ParagraphBlock;
import dev.broadsheet.article.Block.QuoteBlock;
import dev.broadsheet.article.Block.ReadMoreBlock;
import dev.broadsheet.embed.EmbedDocuments;
import dev.broadsheet.media.MediaDocuments;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps articles and their body blocks to BSON and back; blocks carry a {@code type} discriminator. */
final class ArticleDocuments {

    private ArticleDocuments() {
    }

    static Document toDocument(Article article) {
        return new Document("_id", article.id())
                .append("slug", article.slug())
                .append("title", article.title())
                .append("standfirst", article.standfirst())
                .append("section", article.section())
                .append("tags", article.tags())
                .append("authors", article.authors().stream()
                        .map(a -> new Document("name", a.name()).append("url", a.url())).toList())
                .append("status", article.status().name())
                .append("publishedAt", date(article.publishedAt()))
                .append("updatedAt", date(article.updatedAt()))
                .append("version", article.version())
                .append("featuredImage", article.featuredImage() == null ? null
                        : MediaDocuments.usage(article.featuredImage()))
                .append("body", article.body().stream().map(ArticleDocuments::block).toList())
                .append("commentMode", article.commentMode().name())
                .append("suppressDonations", article.suppressDonations())
                .append("commentCount", article.commentCount())
                .append("authorIds", article.authorIds())
                .append("previousSlugs", article.previousSlugs())
                .append("corrections", article.corrections().stream()
                        .map(c -> new Document("kind", c.kind().name()).append("text", c.text()).append("at", date(c.at())))
                        .toList())
                .append("seo", seo(article.seo()));
    }

    static Document seo(Seo seo) {
        return seo == null ? null : new Document("title", seo.title()).append("description", seo.description())
                .append("canonicalUrl", seo.canonicalUrl()).append("noIndex", seo.noIndex())
                .append("socialImage", seo.socialImage() == null ? null : MediaDocuments.usage(seo.socialImage()));
    }

    private static Seo seo(Document doc) {
        return doc == null ? null : new Seo(doc.getString("title"), doc.getString("description"),
                doc.getString("canonicalUrl"), doc.getBoolean("noIndex", false),
                MediaDocuments.usage(doc.get("socialImage", Document.class)));
    }

    /** The fields an editor changes (everything but status, dates, version and counters). */
    static Document contentFields(Article article) {
        Document all = toDocument(article);
        Document content = new Document();
        for (String field : List.of("slug", "title", "standfirst", "section", "tags", "authors", "featuredImage",
                "body", "commentMode", "suppressDonations", "authorIds", "previousSlugs", "seo")) {
            content.append(field, all.get(field));
        }
        return content;
    }

    static Article fromDocument(Document doc) {
        return new Article(doc.getString("_id"), doc.getString("slug"), doc.getString("title"),
                doc.getString("standfirst"), doc.getString("section"),
                doc.getList("tags", String.class, List.of()),
                doc.getList("authors", Document.class, List.of()).stream()
                        .map(a -> new Article.Author(a.getString("name"), a.getString("url"))).toList(),
                ArticleStatus.valueOf(doc.getString("status")),
                instant(doc.getDate("publishedAt")), instant(doc.getDate("updatedAt")),
                ((Number) doc.get("version", 1L)).longValue(),
                MediaDocuments.usage(doc.get("featuredImage", Document.class)),
                doc.getList("body", Document.class, List.of()).stream().map(ArticleDocuments::block).toList(),
                CommentMode.valueOf(doc.getString("commentMode")),
                doc.getBoolean("suppressDonations", false),
                doc.getInteger("commentCount", 0),
                doc.getList("authorIds", String.class, List.of()),
                doc.getList("previousSlugs", String.class, List.of()),
                doc.getList("corrections", Document.class, List.of()).stream()
                        .map(c -> new Correction(Correction.Kind.valueOf(c.getString("kind")), c.getString("text"),
                                instant(c.getDate("at")))).toList(),
                seo(doc.get("seo", Document.class)));
    }

    private static Document block(Block block) {
        // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed family.
        if (block instanceof ParagraphBlock p) {
            return new Document("type", "paragraph").append("spans", p.spans().stream()
                    .map(s -> new Document("text", s.text())
                            .append("marks", s.marks().stream().map(Enum::name).toList())
                            .append("href", s.href())).toList());
        }
        if (block instanceof HeadingBlock h) {
            return new Document("type", "heading").append("level", h.level()).append("text", h.text());
        }
        if (block instanceof QuoteBlock q) {
            return new Document("type", "quote").append("text", q.text()).append("speaker", q.speaker())
                    .append("source", q.source()).append("sourceUrl", q.sourceUrl());
        }
        if (block instanceof ImageBlock i) {
            return new Document("type", "image").append("image", MediaDocuments.usage(i.image()));
        }
        if (block instanceof EmbeddedPostBlock e) {
            return new Document("type", "embed").append("post", EmbedDocuments.post(e.post()));
        }
        ReadMoreBlock r = (ReadMoreBlock) block;
        return new Document("type", "readMore").append("label", r.label())
                .append("articleId", r.articleId()).append("url", r.url());
    }

    private static Block block(Document doc) {
        return switch (doc.getString("type")) {
            case "paragraph" -> new ParagraphBlock(doc.getList("spans", Document.class).stream()
                    .map(s -> new TextSpan(s.getString("text"),
                            s.getList("marks", String.class, List.of()).stream().map(TextSpan.Mark::valueOf).toList(),
                            s.getString("href"))).toList());
            case "heading" -> new HeadingBlock(doc.getInteger("level", 2), doc.getString("text"));
            case "quote" -> new QuoteBlock(doc.getString("text"), doc.getString("speaker"), doc.getString("source"),
                    doc.getString("sourceUrl"));
            case "image" -> new ImageBlock(MediaDocuments.usage(doc.get("image", Document.class)));
            case "embed" -> new EmbeddedPostBlock(EmbedDocuments.post(doc.get("post", Document.class)));
            case "readMore" -> new ReadMoreBlock(doc.getString("label"), doc.getString("articleId"), doc.getString("url"));
            default -> throw new IllegalStateException("Unknown block type " + doc.getString("type"));
        };
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
