package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.moderate;
import static dev.broadsheet.comment.Readers.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.CommentMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile comment input, each case posted over HTTP by its own reader: refused with a typed error, or
 * stored harmless. Never a 500, never a stored script. Posted through Spring's HttpGraphQlTester, but
 * for the lone-surrogate cases: those need JSON text no encoder writes, so they go through
 * {@link GraphQlHttp} as raw bodies (from an address of their own).
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCommentInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Only for the raw cases; the same selection as {@code comment/postComment}. */
    private static final String POST = "mutation($input: PostCommentInput!) { postComment(input: $input) "
            + "{ id depth authorName body status createdAt replyCount parent { id } replyTo { id } } }";
    /** The only tags a stored body may hold. */
    private static final Pattern ALLOWED_TAG = Pattern.compile(
            "</?p>|<br ?/?>|</a>|<a href=\"https?://[^\"<>]*\" rel=\"(nofollow|ugc|noopener) (nofollow|ugc|noopener) (nofollow|ugc|noopener)\">");
    private static final Pattern TAG = Pattern.compile("<[^>]*>?");

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    Readers readers;
    String article;
    String otherArticleComment;
    String removedComment;

    @BeforeAll
    void setUp() {
        readers = new Readers(port);
        article = Readers.publishedArticle(articles, CommentMode.OPEN);
        String other = Readers.publishedArticle(articles, CommentMode.OPEN);
        otherArticleComment = postOk(readers.editor(), other, null, "desk", "on another article");
        removedComment = postOk(readers.editor(), article, null, "desk", "soon removed");
        moderate(readers.editor(), removedComment, "REMOVE", null);
    }

    /** A case: a way to post, and what must come back. */
    record Case(String name, Function<HostileCommentInputTest, Outcome> send, String refusedWith,
            Function<String, Boolean> bodyCheck) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case stored(String name, String body, Function<String, Boolean> check) {
        return new Case(name, t -> t.postAs(name, body, Map.of()), null, check);
    }

    static Case refused(String name, String code, Function<HostileCommentInputTest, Outcome> send) {
        return new Case(name, send, code, null);
    }

    static Stream<Case> cases() {
        return Stream.of(
                stored("script tag", "<script>alert(1)</script>", b -> b.contains("&lt;script&gt;")),
                stored("mixed-case script", "<ScRiPt SRC=//evil.example/x.js></sCrIpT>", b -> !b.toLowerCase().contains("<script")),
                stored("img onerror", "<img src=x onerror=alert(1)>", b -> b.contains("&lt;img")),
                stored("paragraph onclick", "<p onclick=\"alert(1)\">hi</p>", b -> !b.contains("onclick=\"")),
                stored("svg onload", "<svg/onload=alert(1)><circle r=5></svg>", b -> b.contains("&lt;svg")),
                stored("iframe", "<iframe src=\"https://evil.example\"></iframe>", b -> !b.contains("<iframe")),
                stored("javascript: link markup", "<a href=\"javascript:alert(1)\">win</a>", b -> !b.contains("href=\"javascript")),
                stored("javascript: markdown link", "[win](javascript:alert(1))", b -> !b.contains("<a ")),
                stored("bare javascript: url", "javascript:alert(document.cookie)", b -> !b.contains("<a ")),
                stored("data: html link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", b -> !b.contains("<a ")),
                stored("bare data: url", "data:text/html,<script>alert(1)</script>", b -> !b.contains("<script")),
                stored("entity-encoded javascript", "<a href=\"jav&#x61;script:alert(1)\">x</a>", b -> !b.contains("<a ")),
                stored("attribute breakout in url", "https://example.org/\"onmouseover=\"alert(1)",
                        b -> b.contains("href=\"https://example.org/\"") && !b.contains("onmouseover=\"")),
                stored("tag inside url", "https://example.org/<script>alert(1)</script>", b -> !b.contains("<script")),
                stored("bidi override", "abc\u202Egnp.exe\u202C done", b -> b.equals("<p>abcgnp.exe done</p>")),
                stored("bidi isolates", "\u2066\u2067admin\u2069\u2069", b -> b.equals("<p>admin</p>")),
                stored("zero-width characters", "pay\u200Bpal\u2060 \uFEFFlogin", b -> b.equals("<p>paypal login</p>")),
                stored("control characters", "bell\u0007 escape\u001B[31m nul\u0000 del\u007F", b -> b.equals("<p>bell escape[31m nul del</p>")),
                stored("zalgo marks", "a" + "\u0301".repeat(4000), b -> b.codePointCount(0, b.length()) <= "<p></p>".length() + 5),
                stored("unicode tag smuggling", "hi\uDB40\uDC41\uDB40\uDC42", b -> b.equals("<p>hi</p>")),
                stored("html entities stay text", "&lt;script&gt;", b -> b.equals("<p>&amp;lt;script&amp;gt;</p>")),
                stored("line separators", "one\u2028two\r\nthree", b -> b.equals("<p>one<br />two<br />three</p>")),
                refused("lone high surrogate", "VALIDATION", t -> t.raw("\"bad \\ud800 text\"")),
                refused("lone low surrogate", "VALIDATION", t -> t.raw("\"bad \\udc00 text\"")),
                refused("100 000 combining marks", "VALIDATION", t -> t.postAs("marks", "a" + "\u0301".repeat(100_000), Map.of())),
                refused("a megabyte of text", "VALIDATION", t -> t.postAs("megabyte", "x".repeat(1 << 20), Map.of())),
                refused("only invisible characters", "VALIDATION", t -> t.postAs("invisible", "\u200B\u202E\u0000 \n", Map.of())),
                refused("script in author name", "VALIDATION", t -> t.post(Map.of("authorName", "<script>x</script>", "body", "hi"))),
                refused("huge author name", "VALIDATION", t -> t.post(Map.of("authorName", "n".repeat(10_000), "body", "hi"))),
                refused("parent from another article", "VALIDATION", t -> t.postAs("cross", "hi", Map.of("parentId", t.otherArticleComment))),
                refused("missing parent", "NOT_FOUND", t -> t.postAs("orphan", "hi", Map.of("parentId", "does-not-exist"))),
                refused("removed parent", "NOT_FOUND", t -> t.postAs("late", "hi", Map.of("parentId", t.removedComment))),
                refused("forged status", "VALIDATION", t -> t.postAs("forger", "hi", Map.of("status", "PUBLISHED"))),
                refused("forged date", "VALIDATION", t -> t.postAs("timetraveller", "hi", Map.of("createdAt", "2001-01-01T00:00:00Z"))),
                refused("forged depth and id", "VALIDATION", t -> t.postAs("forger2", "hi", Map.of("depth", 0, "id", "x"))),
                refused("operator injection as article id", "NOT_FOUND",
                        t -> t.post(Map.of("articleId", Map.of("$ne", ""), "authorName", "inject", "body", "hi"))),
                refused("unknown article", "NOT_FOUND", t -> t.post(Map.of("articleId", "no-such-article", "authorName", "lost", "body", "hi"))),
                refused("bad idempotency key", "VALIDATION", t -> t.postAs("key", "hi", Map.of("idempotencyKey", "'; drop table --"))),
                refused("flooding", "RATE_LIMITED", HostileCommentInputTest::flood));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputIsRefusedOrStoredHarmless(Case hostile) {
        Outcome response = hostile.send().apply(this);

        assertThat(response.status()).as(hostile.name()).isEqualTo(200);
        String whole = response.whole();
        assertThat(whole).as("no internals leak").doesNotContain("INTERNAL_ERROR", "java.", "at dev.broadsheet", "Mongo", "E11000");
        if (hostile.refusedWith() != null) {
            assertThat(response.code()).as(whole).isEqualTo(hostile.refusedWith());
            assertThat(response.comment()).isNull();
            return;
        }
        assertThat(response.code()).as(whole).isNull();
        String body = (String) response.comment().get("body");
        assertHarmless(body);
        assertThat(hostile.bodyCheck().apply(body)).as("stored as " + body).isTrue();
        Object stored = readers.editor().documentName("comment/commentById").variable("id", response.comment().get("id"))
                .execute().returnResponse().field("comment.body").getValue();
        if (stored instanceof String) {
            assertThat(stored).isEqualTo(body);
        }
    }

    /**
     * What came back: the HTTP status, the whole body as text, the first error's code (null without
     * errors) and the {@code postComment} object (null when refused).
     */
    record Outcome(int status, String whole, String code, Map<String, Object> comment) {

        /** The tester itself fails any exchange answered with another status than 200. */
        static Outcome of(GraphQlTester.Response response) {
            GraphQlResponse body = response.returnResponse();
            String code = body.getErrors().isEmpty() ? null : (String) body.getErrors().get(0).getExtensions().get("code");
            return new Outcome(200, body.toMap().toString(), code, body.field("postComment").getValue());
        }

        static Outcome of(GraphQlHttp.Response response) {
            JsonNode comment = response.data("postComment");
            return new Outcome(response.status(), response.body().toString(), response.firstErrorCode(),
                    comment.isObject() ? JSON.convertValue(comment, Map.class) : null);
        }
    }

    private static void assertHarmless(String body) {
        Matcher tag = TAG.matcher(body);
        List<String> unexpected = new ArrayList<>();
        while (tag.find()) {
            if (!ALLOWED_TAG.matcher(tag.group()).matches()) {
                unexpected.add(tag.group());
            }
        }
        assertThat(unexpected).as(body).isEmpty();
        assertThat(body.codePoints().filter(CommentText::isStripped).count()).as("invisible characters in " + body).isZero();
    }

    private Outcome postAs(String name, String body, Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("authorName", "hostile " + name, "body", body));
        input.putAll(extra);
        return post(input);
    }

    private Outcome post(Map<String, Object> fields) {
        return Outcome.of(send(readers.newReader(), fields));
    }

    private GraphQlTester.Response send(HttpGraphQlTester reader, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>();
        input.put("articleId", article);
        input.putAll(fields);
        return reader.documentName("comment/postComment").variable("input", input).execute();
    }

    /**
     * A body sent as raw JSON text, so escapes such as a lone surrogate reach the server as written: the
     * one case posted with the plain {@link GraphQlHttp} client, as no JSON encoder writes such text.
     */
    private Outcome raw(String bodyJson) {
        String payload = "{\"query\":" + JSON.writeValueAsString(POST) + ",\"variables\":{\"input\":{\"articleId\":"
                + JSON.writeValueAsString(article) + ",\"authorName\":\"surrogate\",\"body\":" + bodyJson + "}}}";
        return Outcome.of(GraphQlHttp.at(port).header("X-Forwarded-For", Readers.newAddress()).post(payload));
    }

    private Outcome flood() {
        HttpGraphQlTester reader = readers.newReader();
        GraphQlTester.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = send(reader, Map.of("authorName", "flooder", "body", "buy now " + i));
        }
        return Outcome.of(last);
    }
}
