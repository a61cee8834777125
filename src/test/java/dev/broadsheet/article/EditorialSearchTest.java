package dev.broadsheet.article;

import static dev.broadsheet.Tokens.Role.EDITOR;
import static dev.broadsheet.article.Editorial.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Editors find articles of any status by the beginnings of title or slug words (HttpGraphQlTester, {@code article/editing/search}). */
@ApiTest
class EditorialSearchTest {

    @LocalServerPort
    int port;

    Editorial editor;
    String marker;

    @BeforeEach
    void clients() {
        editor = Editorial.as(port, EDITOR);
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
        editor.transition("publish", published, 1).errors().verify();

        assertThat(ids(search(Map.of("query", marker + " ferry", "status", "DRAFT")))).containsExactly(draft);
        assertThat(ids(search(Map.of("query", marker + " ferry", "status", "PUBLISHED")))).containsExactly(published);
        assertThat(ids(search(Map.of("query", marker, "author", "Ben Ode")))).containsExactly(published);

        GraphQlTester.Response first = search(Map.of("query", marker + " ferry", "first", 1));
        GraphQlTester.Response second = search(Map.of("query", marker + " ferry", "first", 1,
                "after", first.path("editorialArticles.pageInfo.endCursor").entity(String.class).get()));
        first.path("editorialArticles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        assertThat(List.of(ids(first).get(0), ids(second).get(0))).containsExactly(published, draft);
    }

    @Test
    void onlyEditorsSearchAndOversizedQueriesAreRefused() {
        assertThat(code(Editorial.as(port, null).search(Map.of("query", "ferry")))).isEqualTo("UNAUTHENTICATED");
        assertThat(code(search(Map.of("query", "x".repeat(101))))).isEqualTo("VALIDATION");
        assertThat(code(search(Map.of("query", "a b c d e f g")))).isEqualTo("VALIDATION");
        search(Map.of("query", "(.*+[")).errors().verify(); // regex characters are plain text
    }

    private String create(String title, String slug, String author) {
        Map<String, Object> input = new HashMap<>(Editorial.draft(slug));
        input.put("title", title);
        input.put("authors", List.of(Map.of("name", author)));
        return editor.create(input).path("createArticle.id").entity(String.class).get();
    }

    private GraphQlTester.Response search(Map<String, Object> variables) {
        return editor.search(variables);
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.errors().verify().path("editorialArticles.edges[*].node.id").entityList(String.class).get();
    }
}
