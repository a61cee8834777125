package dev.broadsheet.comment;

import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.CommentMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Test helpers: fresh articles, and readers each at their own client address, as Spring
 * {@link HttpGraphQlTester}s running the documents under {@code graphql-test/comment/}.
 */
final class Readers {

    /** Generous: a loaded two-core machine may take seconds over a megabyte of text or fifty concurrent posts. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final Map<String, HttpGraphQlTester> BY_PORT_AND_ROLE = new ConcurrentHashMap<>();

    private final int port;

    Readers(int port) {
        this.port = port;
    }

    /**
     * An anonymous reader at an address no other reader in this run uses. The address is a header of the
     * tester, so each reader is a tester of its own (built in some 20 ms; a request through it takes 5).
     */
    HttpGraphQlTester newReader() {
        return patient(Testers.anonymous(port).mutate().header("X-Forwarded-For", newAddress()));
    }

    /** A client address no other reader in this run uses (sent as X-Forwarded-For). */
    static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** An anonymous reader without an address of its own. */
    HttpGraphQlTester anonymous() {
        return as(null);
    }

    HttpGraphQlTester editor() {
        return as(Tokens.Role.EDITOR);
    }

    /**
     * A caller holding {@code role}, or an anonymous one for null: one tester per application and role, as
     * building a tester costs several times what a request through it does.
     */
    HttpGraphQlTester as(Tokens.Role role) {
        return BY_PORT_AND_ROLE.computeIfAbsent(port + " " + role, key ->
                patient((role == null ? Testers.anonymous(port) : Testers.as(port, role)).mutate()));
    }

    private static HttpGraphQlTester patient(HttpGraphQlTester.Builder<?> builder) {
        return builder.responseTimeout(PATIENCE).webTestClient(client -> client.responseTimeout(PATIENCE)).build();
    }

    static String publishedArticle(ArticleService articles, CommentMode mode) {
        String slug = "comments-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        articles.save(new Article(slug, slug, "Article " + slug, null, "news", List.of(), List.of(),
                ArticleStatus.PUBLISHED, now, now, 1, null, List.of(), mode, false, 0));
        return slug;
    }

    static GraphQlTester.Response post(HttpGraphQlTester client, String articleId, String parentId, String author, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put("articleId", articleId);
        input.put("parentId", parentId);
        input.put("authorName", author);
        input.put("body", body);
        return client.documentName("comment/postComment").variable("input", input).execute();
    }

    /** Posts and returns the new comment's id, failing the test on any error. */
    static String postOk(HttpGraphQlTester client, String articleId, String parentId, String author, String body) {
        return post(client, articleId, parentId, author, body).path("postComment.id").entity(String.class).get();
    }

    static GraphQlTester.Response moderate(HttpGraphQlTester client, String id, String action, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("action", action);
        variables.put("reason", reason);
        return client.documentName("comment/moderate").variables(variables).execute();
    }

    /** The {@code extensions.code} of the first error, failing the test if there is none. */
    static String code(GraphQlTester.Response response) {
        return (String) Testers.firstError(response).get("code");
    }

    /** "OK" for a response without errors, else the first error's code (for tallies of many calls). */
    static String outcome(GraphQlTester.Response response) {
        List<ResponseError> errors = response.returnResponse().getErrors();
        return errors.isEmpty() ? "OK" : String.valueOf(errors.get(0).getExtensions().get("code"));
    }

    /** A string at {@code path} of the data, failing the test on any error. */
    static String string(GraphQlTester.Response response, String path) {
        return response.path(path).entity(String.class).get();
    }

    static int integer(GraphQlTester.Response response, String path) {
        return response.path(path).entity(Integer.class).get();
    }

    static List<String> strings(GraphQlTester.Response response, String path) {
        return response.path(path).entityList(String.class).get();
    }
}
