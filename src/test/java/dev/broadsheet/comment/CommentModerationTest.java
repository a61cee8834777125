package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.moderate;
import static dev.broadsheet.comment.Readers.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CommentApiTest
class CommentModerationTest {

    static final String REPORT = "mutation($id: ID!, $reason: String) { reportComment(id: $id, reason: $reason) }";
    static final String SET_MODE = "mutation($a: ID!, $m: CommentMode!, $v: Int!) "
            + "{ setCommentMode(articleId: $a, mode: $m, expectedVersion: $v) { commentMode version } }";

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
    void approveRejectRemoveAndRestoreKeepTheCountsRight() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        String good = postOk(readers.newReader(), article, null, "good reader", "A thoughtful point");
        String bad = postOk(readers.newReader(), article, null, "troll", "Something nasty");
        assertThat(count(article)).isZero();

        Response approved = moderate(readers.editor(), good, "APPROVE", "fine");
        assertThat(approved.data("moderateComment.status").asString()).isEqualTo("PUBLISHED");
        assertThat(count(article)).isEqualTo(1);
        moderate(readers.editor(), bad, "REJECT", "abusive");
        assertThat(count(article)).isEqualTo(1);
        assertThat(moderate(readers.editor(), bad, "REMOVE", null).firstErrorCode())
                .as("a rejected comment cannot be removed").isEqualTo("VALIDATION");
        moderate(readers.editor(), good, "REMOVE", "second thoughts");
        assertThat(count(article)).isZero();
        Response restored = moderate(readers.editor(), good, "RESTORE", "mistake");
        assertThat(count(article)).isEqualTo(1);

        JsonNode history = restored.data("moderateComment.moderation.history");
        assertThat(history.findValuesAsString("action")).containsExactly("APPROVE", "REMOVE", "RESTORE");
        assertThat(history.path(1).path("from").asString()).isEqualTo("PUBLISHED");
        assertThat(history.path(1).path("to").asString()).isEqualTo("REMOVED");
        assertThat(history.path(1).path("reason").asString()).isEqualTo("second thoughts");
        assertThat(history.path(1).path("actorName").asString()).isEqualTo("test EDITOR");
        Response removedQueue = readers.editor().document("comment/queue", Map.of("articleId", article, "status", "REMOVED"));
        assertThat(removedQueue.data("moderationQueue.edges").findValuesAsString("id")).containsExactly(bad);
    }

    @Test
    void aRemovedCommentWithRepliesStaysAsAPlaceholderUntilItsRepliesGo() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String top = postOk(readers.editor(), article, null, "desk", "the original");
        String reply = postOk(readers.editor(), article, top, "desk", "the answer");

        moderate(readers.editor(), top, "REMOVE", "off topic");
        Response thread = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        JsonNode placeholder = thread.data("article.comments.edges.0.node");
        assertThat(placeholder.path("status").asString()).isEqualTo("REMOVED");
        assertThat(placeholder.path("authorName").isNull()).isTrue();
        assertThat(placeholder.path("body").isNull()).isTrue();
        assertThat(placeholder.path("replies").path("edges").path(0).path("node").path("id").asString()).isEqualTo(reply);
        assertThat(thread.data("article.commentCount").asInt()).isEqualTo(1);

        moderate(readers.editor(), reply, "REMOVE", null);
        Response empty = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        assertThat(empty.data("article.comments.edges").size()).isZero();
        assertThat(empty.data("article.commentCount").asInt()).isZero();

        moderate(readers.editor(), reply, "RESTORE", null);
        Response back = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        assertThat(back.data("article.comments.edges.0.node.status").asString()).isEqualTo("REMOVED");
        assertThat(back.data("article.comments.edges.0.node.replyCount").asInt()).isEqualTo(1);
        assertThat(back.data("article.commentCount").asInt()).isEqualTo(1);
    }

    @Test
    void readersAndPartnersCannotModerateAndNothingIsWritten() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        String pending = postOk(readers.newReader(), article, null, "reader mod-1", "please approve me");
        long version = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article))
                .data("article.version").asLong();

        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            GraphQlHttp client = Tokens.client(port, role);
            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(moderate(client, pending, "APPROVE", null).firstErrorCode()).as("moderate as " + role).isEqualTo(expected);
            assertThat(client.document("comment/queue", Map.of("status", "PENDING")).firstErrorCode())
                    .as("queue as " + role).isEqualTo(expected);
            assertThat(client.query(SET_MODE, Map.of("a", article, "m", "OPEN", "v", version)).firstErrorCode())
                    .as("setCommentMode as " + role).isEqualTo(expected);
        }

        Response queue = readers.editor().document("comment/queue", Map.of("articleId", article, "status", "PENDING"));
        assertThat(queue.data("moderationQueue.edges").findValuesAsString("id")).containsExactly(pending);
        Response thread = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article));
        assertThat(thread.data("article.commentMode").asString()).isEqualTo("PREMODERATED");
        assertThat(thread.data("article.version").asLong()).isEqualTo(version);
        assertThat(thread.data("article.commentCount").asInt()).isZero();
    }

    @Test
    void editorsSetTheCommentModeNamingTheVersionTheyRead() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        long version = GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article))
                .data("article.version").asLong();

        Response closed = readers.editor().query(SET_MODE, Map.of("a", article, "m", "CLOSED", "v", version));
        Response stale = readers.editor().query(SET_MODE, Map.of("a", article, "m", "OPEN", "v", version));

        assertThat(closed.data("setCommentMode.commentMode").asString()).isEqualTo("CLOSED");
        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(Readers.post(readers.newReader(), article, null, "reader mod-2", "closed now?").firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void reportsFromSeveralReadersPushACommentIntoTheReportedQueue() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "provocateur", "A provocative remark");
        GraphQlHttp angry = readers.newReader();

        assertThat(angry.query(REPORT, Map.of("id", comment, "reason", "rude")).data("reportComment").asBoolean()).isTrue();
        assertThat(angry.query(REPORT, Map.of("id", comment, "reason", "rude!")).data("reportComment").asBoolean())
                .as("one reader counts once").isFalse();
        readers.newReader().query(REPORT, Map.of("id", comment));
        assertThat(reported(article)).isEmpty();
        readers.newReader().query(REPORT, Map.of("id", comment, "reason", "<script>alert(1)</script>"));

        assertThat(reported(article)).containsExactly(comment);
        Response approved = moderate(readers.editor(), comment, "APPROVE", "fair comment");
        assertThat(approved.data("moderateComment.status").asString()).isEqualTo("PUBLISHED");
        assertThat(reported(article)).isEmpty();
        assertThat(readers.newReader().query(REPORT, Map.of("id", "missing")).firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void everyModerationStepIsAudited() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "reader mod-3", "audited comment");
        moderate(readers.editor(), comment, "REMOVE", "test");

        Response audit = Tokens.client(port, Tokens.Role.ADMIN).query(
                "query($e: ID) { auditLog(entityId: $e) { edges { node { action actorName } } } }", Map.of("e", comment));
        assertThat(audit.data("auditLog.edges").findValuesAsString("action"))
                .containsExactly("moderateComment:REMOVE", "postComment");
    }

    @Test
    void moderationStateIsForEditorsOnly() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "reader mod-4", "who sees my reports?");
        String query = "query($id: ID!) { comment(id: $id) { id moderation { reportCount } } }";

        Response anonymous = GraphQlHttp.at(port).query(query, Map.of("id", comment));
        Response editor = readers.editor().query(query, Map.of("id", comment));

        assertThat(anonymous.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.data("comment.moderation").isNull()).isTrue();
        assertThat(editor.data("comment.moderation.reportCount").asInt()).isZero();
    }

    private int count(String article) {
        return GraphQlHttp.at(port).document("comment/articleThread", Map.of("slug", article)).data("article.commentCount").asInt();
    }

    private java.util.List<String> reported(String article) {
        return readers.editor().document("comment/queue", Map.of("articleId", article, "status", "REPORTED"))
                .data("moderationQueue.edges").findValuesAsString("id");
    }
}
