package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.comment.Comment.ModerationStep;
import dev.broadsheet.comment.Comment.Report;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Comments as the hand-written mapping ({@code CommentDocuments}) stored them read back unchanged through the
 * record codec, and what the codec writes keeps the old field names and types.
 */
@ApiTest
class CommentStoredFormatTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final Instant DECIDED = Instant.parse("2024-03-01T11:00:00Z");
    private static final Instant REPORTED = Instant.parse("2024-03-02T08:00:00Z");

    @Autowired
    MongoDatabase database;

    @Autowired
    CommentStore store;

    final String article = "legacy-comment-article-" + System.nanoTime();

    @AfterEach
    void removeTheTestComments() {
        // Left behind, their counter marks would be swept into other tests' counts.
        raw().deleteMany(new Document("articleId", article));
    }

    @Test
    void aReplyWrittenByTheOldMappingReadsBackWithItsHistoryReportsAndMarks() {
        String id = new ObjectId().toHexString();
        String op = new ObjectId().toHexString();
        // CommentDocuments.toDocument(comment, provenance, queue), plus what the store appended and pushed.
        raw().insertOne(new Document("_id", id)
                .append("articleId", article)
                .append("parentId", "root-1")
                .append("ancestorIds", List.of("root-1"))
                .append("depth", 1)
                .append("authorName", "Ada")
                .append("body", "<p>Agreed</p>")
                .append("status", "PUBLISHED")
                .append("createdAt", Date.from(CREATED))
                .append("replyCount", 2)
                .append("replyToId", "reply-7")
                .append("heldFor", "LINKS")
                .append("reportCount", 0)
                .append("queue", "REPORTED")
                .append("likeCount", 4)
                .append("staff", true)
                .append("idempotencyKey", "key-" + id)
                .append("fingerprint", "fp-" + id)
                .append("clientKey", "client-" + id)
                .append("authorKey", "ada")
                .append("seq", 42L)
                .append("uncounted", new Document("op", op).append("article", 1).append("parent", -1))
                .append("countOps", List.of("op-a", "op-b"))
                .append("reporterKeys", List.of("reader-1"))
                .append("reports", List.of(new Document("at", Date.from(REPORTED)).append("reason", "rude")))
                .append("history", List.of(new Document("actorId", "editor-1").append("actorName", "Eve")
                        .append("at", Date.from(DECIDED)).append("action", "APPROVE").append("from", "PENDING")
                        .append("to", "PUBLISHED").append("reason", null))));

        Comment expected = new Comment(id, article, "root-1", List.of("root-1"), 1, "Ada", "<p>Agreed</p>",
                CommentStatus.PUBLISHED, CREATED, 2, "reply-7", HoldReason.LINKS, 0,
                List.of(new Report(REPORTED, "rude")),
                List.of(new ModerationStep("editor-1", "Eve", DECIDED, ModerationAction.APPROVE, CommentStatus.PENDING,
                        CommentStatus.PUBLISHED, null)),
                4, true);
        assertThat(store.findById(id)).contains(expected);
        assertThat(store.findByIdempotencyKey("key-" + id)).contains(expected);
        assertThat(store.findByIds(List.of(id))).containsEntry(id, expected);
        assertThat(store.findAllOnArticle(article)).containsExactly(expected);
        assertThat(store.findQueued(ModerationQueue.REPORTED, article, null, 10)).containsExactly(expected);
        assertThat(store.findUncounted(10_000)).containsEntry(expected, new CounterMark(op, 1, -1));
        // An operation already in countOps is not applied again.
        assertThat(store.incrementReplies(id, 1, "op-b")).contains(expected);
    }

    @Test
    void aCommentStoredBeforeRepliesToLikesAndStaffReadsBackWithDefaults() {
        String id = new ObjectId().toHexString();
        raw().insertOne(new Document("_id", id)
                .append("articleId", article)
                .append("parentId", "root-2")
                .append("ancestorIds", List.of("root-2"))
                .append("depth", 1)
                .append("authorName", "Bo")
                .append("body", "<p>Old</p>")
                .append("status", "PENDING")
                .append("createdAt", Date.from(CREATED))
                .append("replyCount", 0)
                .append("heldFor", null)
                .append("queue", "PENDING"));

        Comment read = store.findById(id).orElseThrow();

        assertThat(read).isEqualTo(new Comment(id, article, "root-2", List.of("root-2"), 1, "Bo", "<p>Old</p>",
                CommentStatus.PENDING, CREATED, 0, "root-2", null, 0, List.of(), List.of(), 0, false));
        assertThat(read.likeCount()).isZero();
        assertThat(read.staff()).isFalse();
    }

    @Test
    void theCodecWritesTheOldFieldNamesAndTypes() {
        String id = new ObjectId().toHexString();
        Comment comment = new Comment(id, article, "root-3", List.of("root-3"), 1, "Cy", "<p>New</p>",
                CommentStatus.PUBLISHED, CREATED, 0, "reply-9", HoldReason.WORDS, 0, List.of(), List.of(), 0, true);
        CounterMark mark = CounterMark.created(comment);
        assertThat(store.insert(comment, new Provenance("key-" + id, "fp", "client", "cy"), ModerationQueue.WITHHELD,
                mark)).isTrue();
        store.incrementReplies(id, 1, "op-1");
        store.incrementLikes(id, 3);
        assertThat(store.addReport(id, "reader-2", new Report(REPORTED, "spam"), 100)).isTrue();
        store.transition(id, new ModerationStep("editor-2", "Eve", DECIDED, ModerationAction.REMOVE,
                CommentStatus.PUBLISHED, CommentStatus.REMOVED, "off topic"), ModerationQueue.REMOVED, false, 1,
                new CounterMark("op-2", -1, 0)).orElseThrow();

        Document stored = raw().find(new Document("_id", id)).first();

        assertThat(stored.get("_id")).isEqualTo(id);
        assertThat(stored).containsEntry("articleId", article).containsEntry("parentId", "root-3")
                .containsEntry("ancestorIds", List.of("root-3")).containsEntry("depth", 1)
                .containsEntry("authorName", "Cy").containsEntry("body", "<p>New</p>")
                .containsEntry("status", "REMOVED").containsEntry("createdAt", Date.from(CREATED))
                .containsEntry("replyCount", 1).containsEntry("replyToId", "reply-9")
                .containsEntry("heldFor", "WORDS").containsEntry("reportCount", 1)
                .containsEntry("likeCount", 3).containsEntry("staff", true)
                .containsEntry("queue", "REMOVED").containsEntry("idempotencyKey", "key-" + id)
                .containsEntry("fingerprint", "fp").containsEntry("clientKey", "client")
                .containsEntry("authorKey", "cy").containsEntry("countOps", List.of("op-1"))
                .containsEntry("reporterKeys", List.of("reader-2"))
                .containsEntry("uncounted", new Document("op", "op-2").append("article", -1).append("parent", 0));
        assertThat(stored.get("seq")).isInstanceOf(Long.class);
        assertThat(stored.getList("reports", Document.class)).containsExactly(
                new Document("at", Date.from(REPORTED)).append("reason", "spam"));
        assertThat(stored.getList("history", Document.class)).containsExactly(new Document("actorId", "editor-2")
                .append("actorName", "Eve").append("at", Date.from(DECIDED)).append("action", "REMOVE")
                .append("from", "PUBLISHED").append("to", "REMOVED").append("reason", "off topic"));
    }

    private MongoCollection<Document> raw() {
        return database.getCollection("comments");
    }
}
