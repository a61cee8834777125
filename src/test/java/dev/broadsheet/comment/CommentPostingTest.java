package dev.broadsheet.comment;

import static dev.broadsheet.Testers.firstError;
import static dev.broadsheet.comment.Readers.code;
import static dev.broadsheet.comment.Readers.post;
import static dev.broadsheet.comment.Readers.postOk;
import static dev.broadsheet.comment.Readers.string;
import static dev.broadsheet.comment.Readers.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Readers and editors post comments; through Spring's HttpGraphQlTester with the comment documents. */
@ApiTest
class CommentPostingTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    Readers readers;

    @BeforeEach
    void setUp() {
        readers = new Readers(port);
    }

    @Test
    void aThreeLevelThreadPostedByReadersReadsBackInOrderWithCursors() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        List<String> tops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tops.add(postOk(readers.newReader(), article, null, "reader " + i, "Top comment " + i));
        }
        String reply = postOk(readers.newReader(), article, tops.get(0), "replier", "A reply");
        String deep = postOk(readers.newReader(), article, reply, "deep replier", "A reply to the reply");

        List<String> seen = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("slug", article, "first", 2, "replies", 10));
        GraphQlTester.Response first = thread(variables);
        seen.addAll(strings(first, "article.comments.edges[*].node.id"));
        variables.put("after", string(first, "article.comments.pageInfo.endCursor"));
        GraphQlTester.Response second = thread(variables);
        seen.addAll(strings(second, "article.comments.edges[*].node.id"));

        assertThat(seen).containsExactlyElementsOf(tops);
        first.path("article.comments.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        second.path("article.comments.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        first.path("article.commentCount").entity(Integer.class).isEqualTo(5);
        String top = "article.comments.edges[0].node";
        first.path(top + ".body").entity(String.class).isEqualTo("<p>Top comment 0</p>");
        first.path(top + ".replyCount").entity(Integer.class).isEqualTo(1);
        String level2 = top + ".replies.edges[0].node";
        first.path(level2 + ".id").entity(String.class).isEqualTo(reply);
        first.path(level2 + ".depth").entity(Integer.class).isEqualTo(1);
        String level3 = level2 + ".replies.edges[0].node";
        first.path(level3 + ".id").entity(String.class).isEqualTo(deep);
        first.path(level3 + ".depth").entity(Integer.class).isEqualTo(2);
        first.path(level3 + ".parent.id").entity(String.class).isEqualTo(reply);
    }

    @Test
    void newestAndMostRepliedOrdersPageWithTheirOwnCursors() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String a = postOk(readers.editor(), article, null, "desk", "first");
        String b = postOk(readers.editor(), article, null, "desk", "second");
        String c = postOk(readers.editor(), article, null, "desk", "third");
        postOk(readers.editor(), article, b, "desk", "reply one");
        postOk(readers.editor(), article, b, "desk", "reply two");
        postOk(readers.editor(), article, c, "desk", "reply three");

        assertThat(ids(article, "NEWEST")).containsExactly(c, b, a);
        assertThat(ids(article, "MOST_REPLIES")).containsExactly(b, c, a);
        String newestCursor = string(thread(Map.of("slug", article, "first", 1, "orderBy", "NEWEST")),
                "article.comments.pageInfo.endCursor");
        GraphQlTester.Response next = thread(Map.of("slug", article, "first", 1, "orderBy", "NEWEST", "after", newestCursor));
        GraphQlTester.Response wrongOrder = thread(Map.of("slug", article, "first", 1, "orderBy", "OLDEST", "after", newestCursor));
        next.path("article.comments.edges[0].node.id").entity(String.class).isEqualTo(b);
        assertThat(firstError(wrongOrder)).containsEntry("code", "VALIDATION").containsEntry("field", "after");
    }

    @Test
    void theSameIdempotencyKeyTwiceStoresOneCommentAndReturnsItBothTimes() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        Map<String, Object> input = Map.of("articleId", article, "authorName", "retrying reader",
                "body", "Posted over a flaky connection", "idempotencyKey", "0b5e4c1e-retry-key-1");
        HttpGraphQlTester reader = readers.newReader();

        GraphQlTester.Response first = reader.documentName("comment/postComment").variable("input", input).execute();
        GraphQlTester.Response retry = reader.documentName("comment/postComment").variable("input", input).execute();

        retry.errors().verify(); // a retry is not rate limited
        retry.path("postComment.id").entity(String.class).isEqualTo(string(first, "postComment.id"));
        GraphQlTester.Response thread = thread(Map.of("slug", article));
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(1);
        thread.path("article.comments.edges").entityList(Object.class).hasSize(1);
    }

    @Test
    void premoderatedArticlesKeepNewCommentsPendingAndInvisible() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        GraphQlTester.Response posted = post(readers.newReader(), article, null, "patient reader", "Waiting for approval");

        posted.path("postComment.status").entity(String.class).isEqualTo("PENDING");
        GraphQlTester.Response thread = thread(Map.of("slug", article));
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(0);
        thread.path("article.comments.edges").entityList(Object.class).hasSize(0);
        GraphQlTester.Response queue = queue(article, "PENDING");
        queue.path("moderationQueue.edges[0].node.id").entity(String.class).isEqualTo(string(posted, "postComment.id"));
        queue.path("moderationQueue.edges[0].node.moderation.heldFor").entity(String.class).isEqualTo("PREMODERATED");
    }

    @Test
    void closedArticlesRefuseCommentsWithAClearError() {
        String article = Readers.publishedArticle(articles, CommentMode.CLOSED);
        GraphQlTester.Response posted = post(readers.newReader(), article, null, "late reader", "Too late?");

        assertThat(firstError(posted)).containsEntry("code", "FORBIDDEN").containsEntry("reason", "COMMENTS_CLOSED");
        thread(Map.of("slug", article)).path("article.commentCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void linksAndListedWordsAreHeldEvenOnOpenArticles() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        GraphQlTester.Response link = post(readers.newReader(), article, null, "linker", "See https://example.org/report for more.");
        GraphQlTester.Response word = post(readers.newReader(), article, null, "spammer", "Join my CRYPTO   Giveaway today");
        GraphQlTester.Response innocent = post(readers.newReader(), article, null, "reader pos-1", "Scampi for tea, not a scammer");

        link.path("postComment.status").entity(String.class).isEqualTo("PENDING");
        // The sanitiser writes the three rel values in no fixed order.
        assertThat(string(link, "postComment.body")).matches(
                "<p>See <a href=\"https://example.org/report\" rel=\"(nofollow|ugc|noopener) (nofollow|ugc|noopener) (nofollow|ugc|noopener)\">"
                        + "https://example.org/report</a> for more.</p>").contains("nofollow").contains("ugc").contains("noopener");
        word.path("postComment.status").entity(String.class).isEqualTo("PENDING");
        innocent.path("postComment.status").entity(String.class).isEqualTo("PUBLISHED");
        queue(article, "WITHHELD").path("moderationQueue.edges[*].node.moderation.heldFor").entityList(String.class)
                .containsExactly("LINKS", "WORDS");
    }

    @Test
    void repliesBelowTheDepthCapAttachToTheDeepestAllowedAncestorAndRememberWhomTheyAnswered() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = null;
        List<String> chain = new ArrayList<>();
        for (int depth = 0; depth <= 5; depth++) {
            parent = postOk(readers.editor(), article, parent, "desk", "level " + depth);
            chain.add(parent);
        }
        GraphQlTester.Response tooDeep = post(readers.editor(), article, parent, "desk", "one level too deep");

        tooDeep.path("postComment.depth").entity(Integer.class).isEqualTo(5);
        tooDeep.path("postComment.parent.id").entity(String.class).isEqualTo(chain.get(4));
        tooDeep.path("postComment.replyTo.id").entity(String.class).isEqualTo(chain.get(5));
    }

    @Test
    void aParentMustBeAShownCommentOfTheSameArticle() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String other = Readers.publishedArticle(articles, CommentMode.OPEN);
        String foreign = postOk(readers.editor(), other, null, "desk", "elsewhere");

        GraphQlTester.Response wrongArticle = post(readers.newReader(), article, foreign, "reader pos-2", "reply across articles");
        GraphQlTester.Response missing = post(readers.newReader(), article, "no-such-comment", "reader pos-3", "reply to nothing");

        assertThat(firstError(wrongArticle)).containsEntry("code", "VALIDATION").containsEntry("field", "parentId");
        assertThat(code(missing)).isEqualTo("NOT_FOUND");
    }

    @Test
    void floodingIsRateLimitedPerClientWithARetryAfter() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        HttpGraphQlTester reader = readers.newReader();
        postOk(reader, article, null, "fast typist", "first thought");

        Map<String, Object> again = firstError(post(reader, article, null, "another name", "second thought"));
        GraphQlTester.Response sameName = post(readers.newReader(), article, null, "Fast Typist", "third thought");
        GraphQlTester.Response sameText = post(readers.newReader(), article, null, "copycat", "first thought");
        Map<String, Object> repeatedByAuthor = firstError(post(readers.newReader(), article, null, "fast typist", "  FIRST   thought "));

        assertThat(again).containsEntry("code", "RATE_LIMITED");
        assertThat(((Number) again.get("retryAfterSeconds")).intValue()).isBetween(1, 3);
        assertThat(code(sameName)).as("the author name has its own bucket").isEqualTo("RATE_LIMITED");
        sameText.errors().verify(); // another reader may say the same thing
        assertThat(repeatedByAuthor).containsEntry("code", "RATE_LIMITED");
        assertThat(((Number) repeatedByAuthor.get("retryAfterSeconds")).longValue())
                .as("the same text is refused for hours").isGreaterThan(3600);
    }

    @Test
    void twentyConcurrentRepliesToOneCommentLeaveReplyCountTwenty() throws Exception {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "op", "Start of a busy thread");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<GraphQlTester.Response>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                HttpGraphQlTester reader = readers.newReader();
                String name = "concurrent reader " + i;
                replies.add(() -> post(reader, article, parent, name, "Reply number " + name));
            }
            for (Future<GraphQlTester.Response> reply : pool.invokeAll(replies)) {
                reply.get().errors().verify();
            }
        } finally {
            pool.shutdownNow();
        }

        readers.anonymous().documentName("comment/commentById").variable("id", parent).execute()
                .path("comment.replyCount").entity(Integer.class).isEqualTo(20);
        GraphQlTester.Response thread = thread(Map.of("slug", article, "first", 1, "replies", 20));
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(21);
        thread.path("article.comments.edges[0].node.replies.edges").entityList(Object.class).hasSize(20);
    }

    private GraphQlTester.Response thread(Map<String, Object> variables) {
        return readers.anonymous().documentName("comment/articleThread").variables(variables).execute();
    }

    private GraphQlTester.Response queue(String article, String status) {
        return readers.editor().documentName("comment/queue").variable("articleId", article).variable("status", status).execute();
    }

    private List<String> ids(String article, String order) {
        return strings(thread(Map.of("slug", article, "orderBy", order)), "article.comments.edges[*].node.id");
    }
}
