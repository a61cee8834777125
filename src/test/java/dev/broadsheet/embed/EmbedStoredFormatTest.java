package dev.broadsheet.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Embeds as the hand-written mapping before the record codecs stored them read back unchanged. One
 * rule for a missing date everywhere: it reads as null (the old embed mapping alone made it 1970).
 */
@ApiTest
class EmbedStoredFormatTest {

    private static final Instant CAPTURED = Instant.parse("2024-02-28T08:00:00Z");

    @Autowired
    MongoDatabase database;

    @Autowired
    EmbedStore store;

    @Test
    void anEmbedWrittenByTheOldMappingReadsBackWithAMissingCreationDateAsNull() {
        String id = "legacy-embed-" + System.nanoTime();
        database.getCollection("embedded_posts").insertOne(new Document("_id", id)
                .append("url", "https://bsky.app/profile/x/post/1")
                .append("provider", "BLUESKY")
                .append("snapshot", new Document("provider", "BLUESKY").append("url", "https://bsky.app/profile/x/post/1")
                        .append("authorName", "X").append("authorHandle", "@x").append("authorUrl", null)
                        .append("text", "Post").append("postedAt", Date.from(CAPTURED))
                        .append("capturedAt", Date.from(CAPTURED)).append("sourceStatus", "DELETED")
                        .append("html", "<p>Post</p>"))
                .append("lastFetch", new Document("at", Date.from(CAPTURED)).append("succeeded", false)
                        .append("error", "HTTP 410"))
                .append("createdBy", "ed-1")
                .append("version", 3L)
                .append("seq", 4L));

        EmbeddedPost snapshot = new EmbeddedPost(EmbeddedPost.Provider.BLUESKY, "https://bsky.app/profile/x/post/1",
                "X", "@x", null, "Post", CAPTURED, CAPTURED, EmbeddedPost.SourceStatus.DELETED, "<p>Post</p>");
        assertThat(store.findById(id)).contains(new Embed(id, "https://bsky.app/profile/x/post/1",
                EmbeddedPost.Provider.BLUESKY, snapshot, Embed.Fetch.failed(CAPTURED, "HTTP 410"), null, "ed-1", 3));
        assertThat(store.findSnapshot(id)).contains(snapshot);
    }
}
