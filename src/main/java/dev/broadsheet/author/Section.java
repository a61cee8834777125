package dev.broadsheet.author;

import org.bson.codecs.pojo.annotations.BsonId;

/** A section of the site (news, culture, ...), keyed by the slug articles carry; optionally under a parent. */
public record Section(@BsonId String slug, String name, String description, String parentSlug, long version)
        implements SlugKeyed {
}
