package dev.broadsheet.author;

import org.bson.codecs.pojo.annotations.BsonId;

/** A tag with a display name, keyed by the slug articles carry. */
public record Tag(@BsonId String slug, String name, long version) implements SlugKeyed {
}
