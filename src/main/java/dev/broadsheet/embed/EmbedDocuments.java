package dev.broadsheet.embed;

import java.util.Date;
import org.bson.Document;

/**
 * BSON shape of an embedded post snapshot, stored inside the article that embeds it. {@code html} is
 * written only when present, so snapshots stored before it existed read back unchanged.
 */
public final class EmbedDocuments {

    private EmbedDocuments() {
    }

    public static Document post(EmbeddedPost post) {
        Document doc = new Document("provider", post.provider().name())
                .append("url", post.url())
                .append("authorName", post.authorName())
                .append("authorHandle", post.authorHandle())
                .append("authorUrl", post.authorUrl())
                .append("text", post.text())
                .append("postedAt", post.postedAt() == null ? null : Date.from(post.postedAt()))
                .append("capturedAt", Date.from(post.capturedAt()))
                .append("sourceStatus", post.sourceStatus().name());
        if (post.html() != null) {
            doc.append("html", post.html());
        }
        return doc;
    }

    public static EmbeddedPost post(Document doc) {
        Date posted = doc.getDate("postedAt");
        return new EmbeddedPost(EmbeddedPost.Provider.valueOf(doc.getString("provider")), doc.getString("url"),
                doc.getString("authorName"), doc.getString("authorHandle"), doc.getString("authorUrl"),
                doc.getString("text"), posted == null ? null : posted.toInstant(),
                doc.getDate("capturedAt").toInstant(),
                EmbeddedPost.SourceStatus.valueOf(doc.getString("sourceStatus")), doc.getString("html"));
    }
}
