package dev.broadsheet.author;

import dev.broadsheet.media.ImageUsage;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A writer with a page of their own. Stored as-is by the driver's record codec in {@code authors}.
 *
 * @param url an outside profile page, kept from the by-lines authors were migrated from
 */
public record Author(@BsonId String id, String slug, String name, String bio, String jobTitle, ImageUsage avatar,
        List<Link> links, String url, long version) {

    public Author {
        links = links == null ? List.of() : links;
    }

    /** A labelled link on an author's page (a social profile, a homepage). */
    public record Link(String label, String url) {
    }
}
