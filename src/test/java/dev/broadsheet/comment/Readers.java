package dev.broadsheet.comment;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.CommentMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: fresh articles, and readers each at their own client address. */
final class Readers {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final int port;

    Readers(int port) {
        this.port = port;
    }

    /** An anonymous reader at an address no other reader in this run uses. */
    GraphQlHttp newReader() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return GraphQlHttp.at(port).header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
    }

    GraphQlHttp editor() {
        return Tokens.client(port, Tokens.Role.EDITOR);
    }

    static String publishedArticle(ArticleService articles, CommentMode mode) {
        String slug = "comments-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        articles.save(new Article(slug, slug, "Article " + slug, null, "news", List.of(), List.of(),
                ArticleStatus.PUBLISHED, now, now, 1, null, List.of(), mode, false, 0));
        return slug;
    }

    static Response post(GraphQlHttp client, String articleId, String parentId, String author, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put("articleId", articleId);
        input.put("parentId", parentId);
        input.put("authorName", author);
        input.put("body", body);
        return client.document("comment/postComment", Map.of("input", input));
    }

    /** Posts and returns the new comment's id, failing the test on any error. */
    static String postOk(GraphQlHttp client, String articleId, String parentId, String author, String body) {
        Response response = post(client, articleId, parentId, author, body);
        if (response.hasErrors()) {
            throw new AssertionError("post failed: " + response.body());
        }
        return response.data("postComment.id").asString();
    }

    static Response moderate(GraphQlHttp client, String id, String action, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("action", action);
        variables.put("reason", reason);
        return client.document("comment/moderate", variables);
    }
}
