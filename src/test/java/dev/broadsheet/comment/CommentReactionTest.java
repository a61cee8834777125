package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Likes (exact under concurrency, once per reader), MOST_LIKED, staff replies and the publication. */
@CommentApiTest
class CommentReactionTest {

    private static final String REACT = "mutation($id: ID!, $key: String!) { reactToComment(id: $id, reaction: LIKE, "
            + "readerKey: $key) { id reactions { likes } } }";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    com.mongodb.client.MongoDatabase database;

    @Autowired
    CommentReactions reactions;

    Readers readers;

    @BeforeEach
    void setUp() {
        readers = new Readers(port);
    }

    @Test
    void fiftyConcurrentLikesFromFiftyReadersCountFifty() throws Exception {
        String commentId = newComment();

        List<Response> responses = concurrently(50, i -> like(readers.newReader(), commentId, "reader-key-" + i));

        assertThat(responses).allSatisfy(r -> assertThat(r.hasErrors()).as(r.body().toString()).isFalse());
        assertThat(likes(commentId)).isEqualTo(50);
    }

    @Test
    void fiftyLikesFromOneReaderKeyCountOnce() throws Exception {
        String commentId = newComment();

        List<Response> responses = concurrently(50, i -> like(readers.newReader(), commentId, "one-reader-key"));
        Response again = like(readers.newReader(), commentId, "one-reader-key");

        assertThat(responses).allSatisfy(r -> assertThat(r.hasErrors()).as(r.body().toString()).isFalse());
        assertThat(likes(commentId)).isEqualTo(1);
        assertThat(again.data("reactToComment.reactions.likes").asInt()).isEqualTo(1);
    }

    @Test
    void readersAreRateLimitedPerAddressAndEditorsAreNot() {
        String commentId = newComment();
        GraphQlHttp reader = readers.newReader();
        GraphQlHttp editor = readers.editor();

        List<String> readerCodes = IntStream.range(0, 25).mapToObj(i -> like(reader, commentId, "many-keys-" + i))
                .map(r -> r.hasErrors() ? r.firstErrorCode() : "OK").toList();
        List<String> editorCodes = IntStream.range(0, 25).mapToObj(i -> like(editor, commentId, "editor-keys-" + i))
                .map(r -> r.hasErrors() ? r.firstErrorCode() : "OK").toList();
        Response repeat = like(reader, commentId, "many-keys-0");

        assertThat(readerCodes).contains("RATE_LIMITED").startsWith("OK");
        assertThat(editorCodes).containsOnly("OK");
        assertThat(repeat.hasErrors()).as("repeating a counted like costs nothing").isFalse();
        assertThat(likes(commentId)).isEqualTo(readerCodes.stream().filter("OK"::equals).count() + 25);
    }

    @Test
    void badReactionsAreRefused() {
        String commentId = newComment();

        assertThat(like(readers.newReader(), commentId, "short").firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(like(readers.newReader(), "no-such-comment", "valid-reader-key").firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void mostLikedOrdersTopLevelCommentsByLikes() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String few = Readers.postOk(readers.newReader(), article, null, "Ann", "One like for me.");
        String many = Readers.postOk(readers.newReader(), article, null, "Bo", "Three likes for me.");
        String none = Readers.postOk(readers.newReader(), article, null, "Cy", "Nobody likes me.");
        like(readers.newReader(), few, "k-few-00001");
        for (int i = 0; i < 3; i++) {
            like(readers.newReader(), many, "k-many-0000" + i);
        }

        Response page = GraphQlHttp.at(port).query("query($id: ID!) { article(id: $id) { comments(orderBy: MOST_LIKED, "
                + "first: 2) { pageInfo { endCursor } edges { node { id reactions { likes } } } } } }", Map.of("id", article));
        String cursor = page.data("article.comments.pageInfo.endCursor").asString();
        Response next = GraphQlHttp.at(port).query("query($id: ID!, $after: String) { article(id: $id) { comments("
                + "orderBy: MOST_LIKED, first: 2, after: $after) { edges { node { id } } } } }", Map.of("id", article, "after", cursor));

        assertThat(page.data("article.comments.edges").findValuesAsString("id")).containsExactly(many, few);
        assertThat(page.data("article.comments.edges").findValues("likes").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 1);
        assertThat(next.data("article.comments.edges").findValuesAsString("id")).containsExactly(none);
    }

    @Test
    void aCommentPostedWithAnEditorTokenIsAStaffReplyUnderTheEditorsName() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        String readerComment = Readers.postOk(readers.editor(), article, null, "ignored", "Staff can post on premoderated articles.");
        Response reply = Readers.post(readers.editor(), article, readerComment, "Anyone At All", "Thanks, we have corrected the figure.");
        String readerReply = Readers.postOk(readers.newReader(), article, readerComment, "Dee", "A reader's reply.");

        String replyId = reply.data("postComment.id").asString();
        JsonNode staff = GraphQlHttp.at(port).query("query($id: ID!) { comment(id: $id) { authorName isStaff status } }",
                Map.of("id", replyId)).data("comment");
        JsonNode notStaff = GraphQlHttp.at(port).query("query($id: ID!) { comment(id: $id) { isStaff } }",
                Map.of("id", readerReply)).data("comment");

        assertThat(staff.path("isStaff").asBoolean()).isTrue();
        assertThat(staff.path("authorName").asString()).isEqualTo("test EDITOR").isNotEqualTo("Anyone At All");
        assertThat(staff.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(notStaff.path("isStaff").asBoolean()).isFalse();
    }

    @Test
    void aLikeACrashLeftUncountedIsRecountedByTheSweeper() {
        String commentId = newComment();
        like(readers.newReader(), commentId, "counted-key-1");
        database.getCollection("comment_reactions").insertOne(new Document("_id", commentId + ":LIKE:crashed")
                .append("commentId", commentId).append("readerKey", "crashed").append("reaction", "LIKE")
                .append("at", java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z"))).append("counted", false));

        reactions.sweep();

        assertThat(likes(commentId)).isEqualTo(2);
        assertThat(database.getCollection("comment_reactions").countDocuments(new Document("counted", false))).isZero();
    }

    @Test
    void thePublicationComesFromConfiguration() {
        JsonNode publication = GraphQlHttp.at(port).query("{ publication { name commentPolicyUrl supportUrl } }", Map.of())
                .data("publication");

        assertThat(publication.path("name").asString()).isEqualTo("The Tidewater Courier");
        assertThat(publication.path("commentPolicyUrl").asString()).isEqualTo("https://tidewater.example/comment-policy");
        assertThat(publication.path("supportUrl").asString()).isEqualTo("https://tidewater.example/support");
    }

    private String newComment() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        return Readers.postOk(readers.newReader(), article, null, "Eve " + System.nanoTime(), "Something worth liking " + System.nanoTime());
    }

    private Response like(GraphQlHttp client, String commentId, String key) {
        return client.query(REACT, Map.of("id", commentId, "key", key));
    }

    private int likes(String commentId) {
        return GraphQlHttp.at(port).query("query($id: ID!) { comment(id: $id) { reactions { likes } } }", Map.of("id", commentId))
                .data("comment.reactions.likes").asInt();
    }

    private static List<Response> concurrently(int n, java.util.function.IntFunction<Response> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
