package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** The editorial documents, sent as a given role. */
final class Editorial {

    private static final AtomicInteger SLUGS = new AtomicInteger();

    private final GraphQlHttp client;

    private Editorial(GraphQlHttp client) {
        this.client = client;
    }

    static Editorial as(int port, Tokens.Role role) {
        return new Editorial(Tokens.client(port, role));
    }

    static String uniqueSlug(String stem) {
        return stem + "-" + SLUGS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    static Map<String, Object> draft(String slug) {
        Map<String, Object> input = new HashMap<>();
        input.put("slug", slug);
        input.put("title", "Ferry fares rise again");
        input.put("section", "news");
        input.put("tags", List.of("transport"));
        input.put("body", List.of(Map.of("paragraph", Map.of("text", "Fares on the harbour ferry rise by ten pence."))));
        return input;
    }

    Response create(Map<String, Object> input) {
        return client.document("article/editing/create", Map.of("input", input));
    }

    /** Creates a draft as this role and returns it, failing the test if that is refused. */
    JsonNode createDraft(String slug) {
        Response response = create(draft(slug));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data("createArticle");
    }

    Response update(String id, long version, Map<String, Object> input) {
        return client.document("article/editing/update", Map.of("id", id, "version", version, "input", input));
    }

    Response transition(String mutation, String id, long version) {
        return client.document("article/editing/" + mutation, Map.of("id", id, "version", version));
    }

    Response setCommentMode(String id, long version, String mode) {
        return client.query("mutation($id: ID!, $version: Int!, $mode: CommentMode!) { setCommentMode(articleId: $id, "
                + "expectedVersion: $version, mode: $mode) { id commentMode version } }",
                Map.of("id", id, "version", version, "mode", mode));
    }

    Response schedule(String id, long version, String at) {
        return client.document("article/editing/schedule", Map.of("id", id, "version", version, "at", at));
    }

    Response restore(String id, long revision, long version) {
        return client.document("article/editing/restore", Map.of("id", id, "revision", revision, "version", version));
    }

    Response preview(String id) {
        return client.document("article/editing/preview", Map.of("id", id, "preview", true));
    }

    Response read(String id) {
        return client.document("article/editing/preview", Map.of("id", id, "preview", false));
    }

    Response revisions(String id) {
        return client.document("article/editing/revisions", Map.of("id", id, "first", 100));
    }
}
