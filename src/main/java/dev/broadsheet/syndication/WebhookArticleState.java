package dev.broadsheet.syndication;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The last article state webhooks were queued for, so that the next change can be named (published,
 * updated, unpublished, archived) and a change that readers cannot see (a draft edit, a comment
 * count) sends nothing. (Public only for the driver's record codec.)
 */
public record WebhookArticleState(@BsonId String id, long version, boolean published, String section) {
}
