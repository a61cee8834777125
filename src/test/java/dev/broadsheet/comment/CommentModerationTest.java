package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.code;
import static dev.broadsheet.comment.Readers.integer;
import static dev.broadsheet.comment.Readers.moderate;
import static dev.broadsheet.comment.Readers.postOk;
import static dev.broadsheet.comment.Readers.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Editors moderate comments and readers report them; through Spring's HttpGraphQlTester with the comment documents. */
@ApiTest
class CommentModerationTest {

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

        moderate(readers.editor(), good, "APPROVE", "fine").path("moderateComment.status").entity(String.class)
                .isEqualTo("PUBLISHED");
        assertThat(count(article)).isEqualTo(1);
        moderate(readers.editor(), bad, "REJECT", "abusive").errors().verify();
        assertThat(count(article)).isEqualTo(1);
        assertThat(code(moderate(readers.editor(), bad, "REMOVE", null)))
                .as("a rejected comment cannot be removed").isEqualTo("VALIDATION");
        moderate(readers.editor(), good, "REMOVE", "second thoughts").errors().verify();
        assertThat(count(article)).isZero();
        GraphQlTester.Response restored = moderate(readers.editor(), good, "RESTORE", "mistake");
        assertThat(count(article)).isEqualTo(1);

        String history = "moderateComment.moderation.history";
        restored.path(history + "[*].action").entityList(String.class).containsExactly("APPROVE", "REMOVE", "RESTORE");
        restored.path(history + "[1].from").entity(String.class).isEqualTo("PUBLISHED");
        restored.path(history + "[1].to").entity(String.class).isEqualTo("REMOVED");
        restored.path(history + "[1].reason").entity(String.class).isEqualTo("second thoughts");
        restored.path(history + "[1].actorName").entity(String.class).isEqualTo("test EDITOR");
        assertThat(queue(article, "REMOVED")).containsExactly(bad);
    }

    @Test
    void aRemovedCommentWithRepliesStaysAsAPlaceholderUntilItsRepliesGo() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String top = postOk(readers.editor(), article, null, "desk", "the original");
        String reply = postOk(readers.editor(), article, top, "desk", "the answer");

        moderate(readers.editor(), top, "REMOVE", "off topic").errors().verify();
        GraphQlTester.Response thread = thread(article);
        String placeholder = "article.comments.edges[0].node";
        thread.path(placeholder + ".status").entity(String.class).isEqualTo("REMOVED");
        thread.path(placeholder + ".authorName").valueIsNull();
        thread.path(placeholder + ".body").valueIsNull();
        thread.path(placeholder + ".replies.edges[0].node.id").entity(String.class).isEqualTo(reply);
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(1);

        moderate(readers.editor(), reply, "REMOVE", null).errors().verify();
        GraphQlTester.Response empty = thread(article);
        empty.path("article.comments.edges").entityList(Object.class).hasSize(0);
        empty.path("article.commentCount").entity(Integer.class).isEqualTo(0);

        moderate(readers.editor(), reply, "RESTORE", null).errors().verify();
        GraphQlTester.Response back = thread(article);
        back.path("article.comments.edges[0].node.status").entity(String.class).isEqualTo("REMOVED");
        back.path("article.comments.edges[0].node.replyCount").entity(Integer.class).isEqualTo(1);
        back.path("article.commentCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void readersAndPartnersCannotModerateAndNothingIsWritten() {
        String article = Readers.publishedArticle(articles, CommentMode.PREMODERATED);
        String pending = postOk(readers.newReader(), article, null, "reader mod-1", "please approve me");
        int version = integer(thread(article), "article.version");

        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            HttpGraphQlTester client = readers.as(role);
            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(code(moderate(client, pending, "APPROVE", null))).as("moderate as " + role).isEqualTo(expected);
            assertThat(code(client.documentName("comment/queue").variable("status", "PENDING").execute()))
                    .as("queue as " + role).isEqualTo(expected);
            assertThat(code(setMode(client, article, "OPEN", version))).as("setCommentMode as " + role).isEqualTo(expected);
        }

        assertThat(queue(article, "PENDING")).containsExactly(pending);
        GraphQlTester.Response thread = thread(article);
        thread.path("article.commentMode").entity(String.class).isEqualTo("PREMODERATED");
        thread.path("article.version").entity(Integer.class).isEqualTo(version);
        thread.path("article.commentCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void editorsSetTheCommentModeNamingTheVersionTheyRead() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        int version = integer(thread(article), "article.version");

        GraphQlTester.Response closed = setMode(readers.editor(), article, "CLOSED", version);
        GraphQlTester.Response stale = setMode(readers.editor(), article, "OPEN", version);

        closed.path("setCommentMode.commentMode").entity(String.class).isEqualTo("CLOSED");
        assertThat(code(stale)).isEqualTo("VERSION_CONFLICT");
        assertThat(code(Readers.post(readers.newReader(), article, null, "reader mod-2", "closed now?"))).isEqualTo("FORBIDDEN");
    }

    @Test
    void reportsFromSeveralReadersPushACommentIntoTheReportedQueue() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "provocateur", "A provocative remark");
        HttpGraphQlTester angry = readers.newReader();

        report(angry, comment, "rude").path("reportComment").entity(Boolean.class).isEqualTo(true);
        report(angry, comment, "rude!").path("reportComment").entity(Boolean.class).isEqualTo(false); // one reader counts once
        report(readers.newReader(), comment, null).errors().verify();
        assertThat(queue(article, "REPORTED")).isEmpty();
        report(readers.newReader(), comment, "<script>alert(1)</script>").errors().verify();

        assertThat(queue(article, "REPORTED")).containsExactly(comment);
        moderate(readers.editor(), comment, "APPROVE", "fair comment").path("moderateComment.status").entity(String.class)
                .isEqualTo("PUBLISHED");
        assertThat(queue(article, "REPORTED")).isEmpty();
        assertThat(code(report(readers.newReader(), "missing", null))).isEqualTo("NOT_FOUND");
    }

    @Test
    void everyModerationStepIsAudited() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "reader mod-3", "audited comment");
        moderate(readers.editor(), comment, "REMOVE", "test").errors().verify();

        readers.as(Tokens.Role.ADMIN).documentName("comment/auditLog").variable("entityId", comment).execute()
                .path("auditLog.edges[*].node.action").entityList(String.class)
                .containsExactly("moderateComment:REMOVE", "postComment");
    }

    @Test
    void moderationStateIsForEditorsOnly() {
        String article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String comment = postOk(readers.newReader(), article, null, "reader mod-4", "who sees my reports?");

        GraphQlTester.Response anonymous = moderationState(readers.anonymous(), comment);
        GraphQlTester.Response editor = moderationState(readers.editor(), comment);

        assertThat(code(anonymous)).isEqualTo("UNAUTHENTICATED");
        anonymous.path("comment.moderation").valueIsNull();
        editor.path("comment.moderation.reportCount").entity(Integer.class).isEqualTo(0);
    }

    private int count(String article) {
        return integer(thread(article), "article.commentCount");
    }

    private GraphQlTester.Response thread(String article) {
        return readers.anonymous().documentName("comment/articleThread").variable("slug", article).execute();
    }

    private List<String> queue(String article, String status) {
        return strings(readers.editor().documentName("comment/queue").variable("articleId", article)
                .variable("status", status).execute(), "moderationQueue.edges[*].node.id");
    }

    private static GraphQlTester.Response setMode(HttpGraphQlTester client, String article, String mode, int version) {
        return client.documentName("comment/setCommentMode").variable("articleId", article).variable("mode", mode)
                .variable("expectedVersion", version).execute();
    }

    private static GraphQlTester.Response report(HttpGraphQlTester client, String id, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("reason", reason);
        return client.documentName("comment/report").variables(variables).execute();
    }

    private static GraphQlTester.Response moderationState(HttpGraphQlTester client, String id) {
        return client.documentName("comment/moderationState").variable("id", id).execute();
    }
}
