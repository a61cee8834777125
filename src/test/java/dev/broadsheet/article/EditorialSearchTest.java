package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Editors find articles of any status by the beginnings of title or slug words. */
@ApiTest
class EditorialSearchTest {

    @LocalServerPort
    int port;

    Editorial editor;
    GraphQlHttp editorClient;
    String marker;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
        editorClient = Tokens.client(port, EDITOR);
        marker = "qz" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "x");
    }

    @Test
    void everyWordMustBeginATitleOrSlugWordIgnoringCaseAndAccents() {
        String cafe = create("Café terrace reopens " + marker, marker + "-cafe-terrace", "Ana Ruiz");
        String quay = create("Quay lights " + marker, marker + "-quay-lights", "Ben Ode");

        assertThat(ids(search(Map.of("query", marker)))).containsExactlyInAnyOrder(cafe, quay);
        assertThat(ids(search(Map.of("query", marker + " CAF terr")))).containsExactly(cafe);
        assertThat(ids(search(Map.of("query", "Café " + marker)))).containsExactly(cafe);
        assertThat(ids(search(Map.of("query", marker + " errace")))).as("not the middle of a word").isEmpty();
        assertThat(ids(search(Map.of("query", marker + " lig")))).containsExactly(quay);
    }

    @Test
    void searchCombinesWithStatusAndAuthorAndPages() {
        String draft = create("Ferry timetable " + marker, marker + "-ferry-draft", "Ana Ruiz");
        String published = create("Ferry fares " + marker, marker + "-ferry-live", "Ben Ode");
        editor.transition("publish", published, 1);

        assertThat(ids(search(Map.of("query", marker + " ferry", "status", "DRAFT")))).containsExactly(draft);
        assertThat(ids(search(Map.of("query", marker + " ferry", "status", "PUBLISHED")))).containsExactly(published);
        assertThat(ids(search(Map.of("query", marker, "author", "Ben Ode")))).containsExactly(published);

        Response first = search(Map.of("query", marker + " ferry", "first", 1));
        Response second = search(Map.of("query", marker + " ferry", "first", 1,
                "after", first.data("editorialArticles.pageInfo.endCursor").asString()));
        assertThat(first.data("editorialArticles.pageInfo.hasNextPage").asBoolean()).isTrue();
        assertThat(List.of(ids(first).get(0), ids(second).get(0))).containsExactly(published, draft);
    }

    @Test
    void onlyEditorsSearchAndOversizedQueriesAreRefused() {
        assertThat(GraphQlHttp.at(port).document("article/editing/search", Map.of("query", "ferry")).firstErrorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(search(Map.of("query", "x".repeat(101))).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(search(Map.of("query", "a b c d e f g")).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(search(Map.of("query", "(.*+[")).hasErrors()).as("regex characters are plain text").isFalse();
    }

    private String create(String title, String slug, String author) {
        Map<String, Object> input = new HashMap<>(Editorial.draft(slug));
        input.put("title", title);
        input.put("authors", List.of(Map.of("name", author)));
        return editor.create(input).data("createArticle.id").asString();
    }

    private Response search(Map<String, Object> variables) {
        return editorClient.document("article/editing/search", variables);
    }

    private static List<String> ids(Response response) {
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data("editorialArticles.edges").valueStream()
                .map(edge -> edge.path("node").path("id").asString()).toList();
    }
}
