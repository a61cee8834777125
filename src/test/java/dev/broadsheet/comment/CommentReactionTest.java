package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.code;
import static dev.broadsheet.comment.Readers.integer;
import static dev.broadsheet.comment.Readers.outcome;
import static dev.broadsheet.comment.Readers.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Likes (exact under concurrency, once per reader), MOST_LIKED, staff replies and the publication. */
@ApiTest
class CommentReactionTest {

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

        List<String> outcomes = concurrently(50, i -> outcome(like(readers.newReader(), commentId, "reader-key-" + i)));

        assertThat(outcomes).containsOnly("OK");
        assertThat(likes(commentId)).isEqualTo(50);
    }

    @Test
    void fiftyLikesFromOneReaderKeyCountOnce() throws Exception {
        String commentId = newComment();

        List<String> outcomes = concurrently(50, i -> outcome(like(readers.newReader(), commentId, "one-reader-key")));
        GraphQlTester.Response again = like(readers.newReader(), commentId, "one-reader-key");

        assertThat(outcomes).containsOnly("OK");
        assertThat(likes(commentId)).isEqualTo(1);
        again.path("reactToComment.reactions.likes").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void readersAreRateLimitedPerAddressAndEditorsAreNot() {
        String commentId = newComment();
        HttpGraphQlTester reader = readers.newReader();
        HttpGraphQlTester editor = readers.editor();

        List<String> readerCodes = IntStream.range(0, 25).mapToObj(i -> outcome(like(reader, commentId, "many-keys-" + i))).toList();
        List<String> editorCodes = IntStream.range(0, 25).mapToObj(i -> outcome(like(editor, commentId, "editor-keys-" + i))).toList();
        GraphQlTester.Response repeat = like(reader, commentId, "many-keys-0");

        assertThat(readerCodes).contains("RATE_LIMITED").startsWith("OK");
        assertThat(editorCodes).containsOnly("OK");
        repeat.errors().verify(); // repeating a counted like costs nothing
        assertThat(likes(commentId)).isEqualTo(readerCodes.stream().filter("OK"::equals).count() + 25);
    }

    @Test
    void badReactionsAreRefused() {
        String commentId = newComment();

        assertThat(code(like(readers.newReader(), commentId, "short"))).isEqualTo("VALIDATION");
        assertThat(code(like(readers.newReader(), "no-such-comment", "valid-reader-key"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void mostLikedOrdersTopLevelCommentsByLikes() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String few = Readers.postOk(readers.newReader(), article, null, "Ann", "One like for me.");
        String many = Readers.postOk(readers.newReader(), article, null, "Bo", "Three likes for me.");
        String none = Readers.postOk(readers.newReader(), article, null, "Cy", "Nobody likes me.");
        like(readers.newReader(), few, "k-few-00001").errors().verify();
        for (int i = 0; i < 3; i++) {
            like(readers.newReader(), many, "k-many-0000" + i).errors().verify();
        }

        GraphQlTester.Response page = mostLiked(article, null);
        GraphQlTester.Response next = mostLiked(article, string(page, "article.comments.pageInfo.endCursor"));

        page.path("article.comments.edges[*].node.id").entityList(String.class).containsExactly(many, few);
        page.path("article.comments.edges[*].node.reactions.likes").entityList(Integer.class).containsExactly(3, 1);
        next.path("article.comments.edges[*].node.id").entityList(String.class).containsExactly(none);
    }

    @Test
    void aCommentPostedWithAnEditorTokenIsAStaffReplyUnderTheEditorsName() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        String readerComment = Readers.postOk(readers.editor(), article, null, "ignored", "Staff can post on premoderated articles.");
        String replyId = Readers.postOk(readers.editor(), article, readerComment, "Anyone At All", "Thanks, we have corrected the figure.");
        String readerReply = Readers.postOk(readers.newReader(), article, readerComment, "Dee", "A reader's reply.");
        // a reader's reply waits for approval on a premoderated article; approved, anyone can read it
        Readers.moderate(readers.editor(), readerReply, "APPROVE", null).errors().verify();

        GraphQlTester.Response staff = comment(replyId);
        GraphQlTester.Response notStaff = comment(readerReply);

        staff.path("comment.isStaff").entity(Boolean.class).isEqualTo(true);
        assertThat(string(staff, "comment.authorName")).isEqualTo("test EDITOR").isNotEqualTo("Anyone At All");
        staff.path("comment.status").entity(String.class).isEqualTo("PUBLISHED");
        notStaff.path("comment.isStaff").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aLikeACrashLeftUncountedIsRecountedByTheSweeper() {
        String commentId = newComment();
        like(readers.newReader(), commentId, "counted-key-1").errors().verify();
        database.getCollection("comment_reactions").insertOne(new Document("_id", commentId + ":LIKE:crashed")
                .append("commentId", commentId).append("readerKey", "crashed").append("reaction", "LIKE")
                .append("at", java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z"))).append("counted", false));

        reactions.sweep();

        assertThat(likes(commentId)).isEqualTo(2);
        assertThat(database.getCollection("comment_reactions").countDocuments(new Document("counted", false))).isZero();
    }

    @Test
    void thePublicationComesFromConfiguration() {
        GraphQlTester.Response publication = readers.anonymous().documentName("comment/publication").execute();

        publication.path("publication.name").entity(String.class).isEqualTo("The Tidewater Courier");
        publication.path("publication.commentPolicyUrl").entity(String.class).isEqualTo("https://tidewater.example/comment-policy");
        publication.path("publication.supportUrl").entity(String.class).isEqualTo("https://tidewater.example/support");
    }

    private String newComment() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        return Readers.postOk(readers.newReader(), article, null, "Eve " + System.nanoTime(), "Something worth liking " + System.nanoTime());
    }

    private static GraphQlTester.Response like(HttpGraphQlTester client, String commentId, String key) {
        return client.documentName("comment/react").variable("id", commentId).variable("readerKey", key).execute();
    }

    private GraphQlTester.Response comment(String id) {
        return readers.anonymous().documentName("comment/likes").variable("id", id).execute();
    }

    private int likes(String commentId) {
        return integer(comment(commentId), "comment.reactions.likes");
    }

    private GraphQlTester.Response mostLiked(String article, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", article, "first", 2));
        variables.put("after", after);
        return readers.anonymous().documentName("comment/mostLiked").variables(variables).execute();
    }

    private static List<String> concurrently(int n, IntFunction<String> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
