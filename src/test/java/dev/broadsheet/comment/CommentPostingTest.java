package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.post;
import static dev.broadsheet.comment.Readers.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
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
import tools.jackson.databind.JsonNode;

@CommentApiTest
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
        Response first = GraphQlHttp.at(port).document("comment/articleThread", variables);
        first.data("article.comments.edges").forEach(e -> seen.add(e.path("node").path("id").asString()));
        variables.put("after", first.data("article.comments.pageInfo.endCursor").asString());
        Response second = GraphQlHttp.at(port).document("comment/articleThread", variables);
        second.data("article.comments.edges").forEach(e -> seen.add(e.path("node").path("id").asString()));

        assertThat(seen).containsExactlyElementsOf(tops);
        assertThat(first.data("article.comments.pageInfo.hasNextPage").asBoolean()).isTrue();
        assertThat(second.data("article.comments.pageInfo.hasNextPage").asBoolean()).isFalse();
        assertThat(first.data("article.commentCount").asInt()).isEqualTo(5);
        JsonNode top = first.data("article.comments.edges.0.node");
        assertThat(top.path("body").asString()).isEqualTo("<p>Top comment 0</p>");
        assertThat(top.path("replyCount").asInt()).isEqualTo(1);
        JsonNode level2 = top.path("replies").path("edges").path(0).path("node");
        assertThat(level2.path("id").asString()).isEqualTo(reply);
        assertThat(level2.path("depth").asInt()).isEqualTo(1);
        JsonNode level3 = level2.path("replies").path("edges").path(0).path("node");
        assertThat(level3.path("id").asString()).isEqualTo(deep);
        assertThat(level3.path("depth").asInt()).isEqualTo(2);
        assertThat(level3.path("parent").path("id").asString()).isEqualTo(reply);
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
        Response newestPage = GraphQlHttp.at(port).document("comment/articleThread",
                Map.of("slug", article, "first", 1, "orderBy", "NEWEST"));
        String newestCursor = newestPage.data("article.comments.pageInfo.endCursor").asString();
        Response next = GraphQlHttp.at(port).document("comment/articleThread",
                Map.of("slug", article, "first", 1, "orderBy", "NEWEST", "after", newestCursor));
        Response wrongOrder = GraphQlHttp.at(port).document("comment/articleThread",
                Map.of("slug", article, "first", 1, "orderBy", "OLDEST", "after", newestCursor));
        assertThat(next.data("article.comments.edges.0.node.id").asString()).isEqualTo(b);
        assertThat(wrongOrder.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(wrongOrder.errors().path(0).path("extensions").path("field").asString()).isEqualTo("after");
    }

    @Test
    void theSameIdempotencyKeyTwiceStoresOneCommentAndReturnsItBothTimes() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        Map<String, Object> input = Map.of("articleId", article, "authorName", "retrying reader",
                "body", "Posted over a flaky connection", "idempotencyKey", "0b5e4c1e-retry-key-1");
        GraphQlHttp reader = readers.newReader();

        Response first = reader.document("comment/postComment", Map.of("input", input));
        Response retry = reader.document("comment/postComment", Map.of("input", input));

        assertThat(first.hasErrors()).as(first.body().toString()).isFalse();
        assertThat(retry.hasErrors()).as("a retry is not rate limited: " + retry.body()).isFalse();
        assertThat(retry.data("postComment.id").asString()).isEqualTo(first.data("postComment.id").asString());
        Response thread = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        assertThat(thread.data("article.commentCount").asInt()).isEqualTo(1);
        assertThat(thread.data("article.comments.edges").size()).isEqualTo(1);
    }

    @Test
    void premoderatedArticlesKeepNewCommentsPendingAndInvisible() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        Response posted = post(readers.newReader(), article, null, "patient reader", "Waiting for approval");

        assertThat(posted.data("postComment.status").asString()).isEqualTo("PENDING");
        Response thread = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        assertThat(thread.data("article.commentCount").asInt()).isZero();
        assertThat(thread.data("article.comments.edges").size()).isZero();
        Response queue = readers.editor().document("comment/queue", Map.of("articleId", article, "status", "PENDING"));
        assertThat(queue.data("moderationQueue.edges.0.node.id").asString()).isEqualTo(posted.data("postComment.id").asString());
        assertThat(queue.data("moderationQueue.edges.0.node.moderation.heldFor").asString()).isEqualTo("PREMODERATED");
    }

    @Test
    void closedArticlesRefuseCommentsWithAClearError() {
        String article = Readers.publishedArticle(articles, CommentMode.CLOSED);
        Response posted = post(readers.newReader(), article, null, "late reader", "Too late?");

        assertThat(posted.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(posted.errors().path(0).path("extensions").path("reason").asString()).isEqualTo("COMMENTS_CLOSED");
        assertThat(GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article))
                .data("article.commentCount").asInt()).isZero();
    }

    @Test
    void linksAndListedWordsAreHeldEvenOnOpenArticles() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        Response link = post(readers.newReader(), article, null, "linker", "See https://example.org/report for more.");
        Response word = post(readers.newReader(), article, null, "spammer", "Join my CRYPTO   Giveaway today");
        Response innocent = post(readers.newReader(), article, null, "reader pos-1", "Scampi for tea, not a scammer");

        assertThat(link.data("postComment.status").asString()).isEqualTo("PENDING");
        // The sanitiser writes the three rel values in no fixed order.
        assertThat(link.data("postComment.body").asString()).matches(
                "<p>See <a href=\"https://example.org/report\" rel=\"(nofollow|ugc|noopener) (nofollow|ugc|noopener) (nofollow|ugc|noopener)\">"
                        + "https://example.org/report</a> for more.</p>").contains("nofollow").contains("ugc").contains("noopener");
        assertThat(word.data("postComment.status").asString()).isEqualTo("PENDING");
        assertThat(innocent.data("postComment.status").asString()).isEqualTo("PUBLISHED");
        Response withheld = readers.editor().document("comment/queue", Map.of("articleId", article, "status", "WITHHELD"));
        assertThat(withheld.data("moderationQueue.edges").findValuesAsString("heldFor")).containsExactly("LINKS", "WORDS");
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
        Response tooDeep = post(readers.editor(), article, parent, "desk", "one level too deep");

        assertThat(tooDeep.data("postComment.depth").asInt()).isEqualTo(5);
        assertThat(tooDeep.data("postComment.parent.id").asString()).isEqualTo(chain.get(4));
        assertThat(tooDeep.data("postComment.replyTo.id").asString()).isEqualTo(chain.get(5));
    }

    @Test
    void aParentMustBeAShownCommentOfTheSameArticle() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String other = Readers.publishedArticle(articles, CommentMode.OPEN);
        String foreign = postOk(readers.editor(), other, null, "desk", "elsewhere");

        Response wrongArticle = post(readers.newReader(), article, foreign, "reader pos-2", "reply across articles");
        Response missing = post(readers.newReader(), article, "no-such-comment", "reader pos-3", "reply to nothing");

        assertThat(wrongArticle.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(wrongArticle.errors().path(0).path("extensions").path("field").asString()).isEqualTo("parentId");
        assertThat(missing.firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void floodingIsRateLimitedPerClientWithARetryAfter() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        GraphQlHttp reader = readers.newReader();
        postOk(reader, article, null, "fast typist", "first thought");

        Response again = post(reader, article, null, "another name", "second thought");
        Response sameName = post(readers.newReader(), article, null, "Fast Typist", "third thought");
        Response sameText = post(readers.newReader(), article, null, "copycat", "first thought");
        Response repeatedByAuthor = post(readers.newReader(), article, null, "fast typist", "  FIRST   thought ");

        assertThat(again.firstErrorCode()).isEqualTo("RATE_LIMITED");
        int retry = again.errors().path(0).path("extensions").path("retryAfterSeconds").asInt();
        assertThat(retry).isBetween(1, 3);
        assertThat(sameName.firstErrorCode()).as("the author name has its own bucket").isEqualTo("RATE_LIMITED");
        assertThat(sameText.hasErrors()).as("another reader may say the same thing").isFalse();
        assertThat(repeatedByAuthor.firstErrorCode()).isEqualTo("RATE_LIMITED");
        assertThat(repeatedByAuthor.errors().path(0).path("extensions").path("retryAfterSeconds").asInt())
                .as("the same text is refused for hours").isGreaterThan(3600);
    }

    @Test
    void twentyConcurrentRepliesToOneCommentLeaveReplyCountTwenty() throws Exception {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String parent = postOk(readers.newReader(), article, null, "op", "Start of a busy thread");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                GraphQlHttp reader = readers.newReader();
                String name = "concurrent reader " + i;
                replies.add(() -> post(reader, article, parent, name, "Reply number " + name));
            }
            for (Future<Response> reply : pool.invokeAll(replies)) {
                assertThat(reply.get().hasErrors()).as(reply.get().body().toString()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }

        Response read = GraphQlHttp.at(port).document("comment/commentById", Map.of("id", parent));
        assertThat(read.data("comment.replyCount").asInt()).isEqualTo(20);
        Response thread = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article, "first", 1, "replies", 20));
        assertThat(thread.data("article.commentCount").asInt()).isEqualTo(21);
        assertThat(thread.data("article.comments.edges.0.node.replies.edges").size()).isEqualTo(20);
    }

    private List<String> ids(String article, String order) {
        Response response = GraphQlHttp.at(port).document("comment/articleThread",
                Map.of("slug", article, "orderBy", order));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        List<String> ids = new ArrayList<>();
        response.data("article.comments.edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
        return ids;
    }
}
