package dev.broadsheet.article;

import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The editorial documents ({@code graphql-test/article/editing/}), sent as a given role through HttpGraphQlTester. */
final class Editorial {

    private static final AtomicInteger SLUGS = new AtomicInteger();
    /** Building a tester (its WebTestClient and codecs) costs tens of milliseconds: one per application and role. */
    private static final Map<String, HttpGraphQlTester> TESTERS = new ConcurrentHashMap<>();

    private final HttpGraphQlTester graphql;

    private Editorial(HttpGraphQlTester graphql) {
        this.graphql = graphql;
    }

    /** {@code role} null: an anonymous caller. */
    static Editorial as(int port, Tokens.Role role) {
        return new Editorial(tester(port, role));
    }

    /** A shared tester for {@code role} (null: anonymous) on the application at {@code port}. */
    static HttpGraphQlTester tester(int port, Tokens.Role role) {
        return TESTERS.computeIfAbsent(port + ":" + role,
                key -> role == null ? Testers.anonymous(port) : Testers.as(port, role));
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

    /** The {@code extensions.code} of the first error (failing if there is none). */
    static String code(GraphQlTester.Response response) {
        return (String) Testers.firstError(response).get("code");
    }

    /** Whether the response has errors (they count as expected, so its data can still be read). */
    static boolean hasErrors(GraphQlTester.Response response) {
        AtomicBoolean any = new AtomicBoolean();
        response.errors().satisfy(errors -> any.set(!errors.isEmpty()));
        return any.get();
    }

    GraphQlTester.Response create(Map<String, Object> input) {
        return graphql.documentName("article/editing/create").variable("input", input).execute();
    }

    /** Creates a draft as this role, failing the test if that is refused; the response's data is {@code createArticle}. */
    GraphQlTester.Response createDraft(String slug) {
        GraphQlTester.Response response = create(draft(slug));
        response.errors().verify();
        return response;
    }

    /** The id of a new draft made as this role. */
    String draftId(String slug) {
        return createDraft(slug).path("createArticle.id").entity(String.class).get();
    }

    GraphQlTester.Response update(String id, long version, Map<String, Object> input) {
        return graphql.documentName("article/editing/update").variable("id", id).variable("version", version)
                .variable("input", input).execute();
    }

    GraphQlTester.Response transition(String mutation, String id, long version) {
        return graphql.documentName("article/editing/" + mutation).variable("id", id).variable("version", version)
                .execute();
    }

    GraphQlTester.Response setCommentMode(String id, long version, String mode) {
        return graphql.documentName("article/editing/setCommentMode").variable("id", id).variable("version", version)
                .variable("mode", mode).execute();
    }

    GraphQlTester.Response schedule(String id, long version, String at) {
        return graphql.documentName("article/editing/schedule").variable("id", id).variable("version", version)
                .variable("at", at).execute();
    }

    GraphQlTester.Response restore(String id, long revision, long version) {
        return graphql.documentName("article/editing/restore").variable("id", id).variable("revision", revision)
                .variable("version", version).execute();
    }

    GraphQlTester.Response preview(String id) {
        return graphql.documentName("article/editing/preview").variable("id", id).variable("preview", true).execute();
    }

    GraphQlTester.Response read(String id) {
        return graphql.documentName("article/editing/preview").variable("id", id).variable("preview", false).execute();
    }

    GraphQlTester.Response revisions(String id) {
        return graphql.documentName("article/editing/revisions").variable("id", id).variable("first", 100).execute();
    }

    GraphQlTester.Response search(Map<String, Object> variables) {
        return graphql.documentName("article/editing/search").variables(variables).execute();
    }
}
