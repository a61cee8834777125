package dev.broadsheet.author;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Author pages, article filters, sections and tags, and editors' author mutations; through HttpGraphQlTester. */
@ApiTest
class AuthorApiTest {

    @LocalServerPort
    int port;

    HttpGraphQlTester reader;

    @BeforeEach
    void connect() {
        reader = Testers.anonymous(port);
    }

    @Test
    void theSampleAuthorsHaveBiosAvatarsAndTheirArticles() {
        GraphQlTester.Response response = authorPage("priya-nandakumar");

        response.errors().verify();
        response.path("author.name").entity(String.class).isEqualTo("Priya Nandakumar");
        assertThat(response.path("author.bio").entity(String.class).get()).contains("council");
        assertThat(response.path("author.avatar.asset.url").entity(String.class).get()).endsWith("/people/priya.jpg");
        response.path("author.links").entityList(Object.class).hasSize(2);
        assertThat(response.path("author.articles.edges[*].node.slug").entityList(String.class).get())
                .contains("dock-workers-walk-out-over-pay-freeze")
                .doesNotContain("review-harbour-choir-winter-concert", "leaked-budget-shows-deeper-bus-cuts");
        assertThat(authorPage("tom-ashworth").path("author.bio").entity(String.class).get()).isNotBlank();
    }

    @Test
    void articlesFilterByAuthorSectionAndTag() {
        GraphQlTester.Response byTom = articles(Map.of("a", "tom-ashworth"));
        byTom.path("articles.edges").entityList(Object.class).hasSize(1);
        byTom.path("articles.edges[0].node.authors[0].name").entity(String.class).isEqualTo("Tom Ashworth");
        articles(Map.of("a", "nobody-at-all")).path("articles.edges").entityList(Object.class).hasSize(0);
        articles(Map.of("a", "priya-nandakumar", "t", "libraries")).path("articles.edges").entityList(Object.class).hasSize(1);
        articles(Map.of("s", "culture")).path("articles.edges").entityList(Object.class).hasSize(1);
    }

    @Test
    void sectionsAndTagsHaveNamesParentsAndArticles() {
        GraphQlTester.Response response = reader.documentName("author/taxonomy").execute();

        response.errors().verify();
        assertThat(response.path("sections[*].name").entityList(String.class).get()).contains("News", "Culture");
        response.path("section.parent.name").entity(String.class).isEqualTo("Culture");
        response.path("tag.name").entity(String.class).isEqualTo("The port");
        response.path("tag.articles.edges").entityList(Object.class).hasSize(1);
    }

    @Test
    void editorsCreateAndUpdateAuthorsWithVersionsAndLinkThemToArticles() {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        String slug = "ines-" + System.nanoTime();
        GraphQlTester.Response created = createAuthor(editor, Map.of("slug", slug, "name", "Inês Ferreira", "bio", "Courts."));
        created.errors().verify();
        String id = created.path("createAuthor.id").entity(String.class).get();

        GraphQlTester.Response updated = updateAuthor(editor, id, 1,
                Map.of("slug", slug, "name", "Inês Ferreira", "jobTitle", "Courts reporter"));
        updated.path("updateAuthor.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateAuthor.bio").valueIsNull();
        assertThat(firstError(updateAuthor(editor, id, 1, Map.of("slug", slug, "name", "Stale"))))
                .containsEntry("code", "VERSION_CONFLICT");
        assertThat(firstError(createAuthor(editor, Map.of("slug", slug, "name", "Someone else"))))
                .containsEntry("code", "VALIDATION");
        assertThat(firstError(createAuthor(reader, Map.of("slug", slug + "-x", "name", "Anon"))).get("code"))
                .isIn("UNAUTHENTICATED", "FORBIDDEN");

        GraphQlTester.Response article = createArticle(editor, Map.of("slug", "courts-" + System.nanoTime(),
                "title", "Court list", "section", "news", "authorIds", List.of(id, "sample-author-priya")));
        article.path("createArticle.authors[*].name").entityList(String.class)
                .containsExactly("Inês Ferreira", "Priya Nandakumar");
        Map<String, Object> unknown = new HashMap<>(firstError(createArticle(editor, Map.of("slug", "courts-" + System.nanoTime(),
                "title", "Court list", "section", "news", "authorIds", List.of("no-such-author")))));
        assertThat(unknown).containsEntry("code", "VALIDATION");
        unknown.remove("message");
        assertThat(unknown.toString()).as("the extensions name the field").contains("input.authorIds[0]");
    }

    @Test
    void aRenamedAuthorShowsOnTheArticlePagesReadersHadAlreadyFetched() {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        String authorSlug = "rename-" + System.nanoTime();
        String id = createAuthor(editor, Map.of("slug", authorSlug, "name", "Jo Bloggs"))
                .path("createAuthor.id").entity(String.class).get();
        String articleSlug = "byline-" + System.nanoTime();
        String articleId = createArticle(editor, Map.of("slug", articleSlug, "title", "Ferry timetable",
                "section", "news", "authorIds", List.of(id))).path("createArticle.id").entity(String.class).get();
        editor.documentName("article/editing/publish").variable("id", articleId).variable("version", 1).execute()
                .path("publishArticle.status").entity(String.class).isEqualTo("PUBLISHED");
        for (int read = 0; read < 2; read++) {
            byline(articleSlug).path("article.authors[0].name").entity(String.class).isEqualTo("Jo Bloggs");
        }

        updateAuthor(editor, id, 1, Map.of("slug", authorSlug, "name", "Joanna Bloggs"))
                .path("updateAuthor.name").entity(String.class).isEqualTo("Joanna Bloggs");

        byline(articleSlug).path("article.authors[0].name").entity(String.class).isEqualTo("Joanna Bloggs");
        articles(Map.of("a", authorSlug)).path("articles.edges[0].node.authors[0].name").entity(String.class)
                .isEqualTo("Joanna Bloggs");
    }

    private GraphQlTester.Response byline(String slug) {
        return reader.documentName("author/byline").variable("slug", slug).execute();
    }

    private GraphQlTester.Response authorPage(String slug) {
        return reader.documentName("author/authorPage").variable("slug", slug).execute();
    }

    private GraphQlTester.Response articles(Map<String, Object> filters) {
        return reader.documentName("author/articlesBy").variables(filters).execute();
    }

    private static GraphQlTester.Response createAuthor(HttpGraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("author/createAuthor").variable("input", input).execute();
    }

    private static GraphQlTester.Response updateAuthor(HttpGraphQlTester caller, String id, int version,
            Map<String, Object> input) {
        return caller.documentName("author/updateAuthor").variable("id", id).variable("v", version).variable("input", input)
                .execute();
    }

    private static GraphQlTester.Response createArticle(HttpGraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("author/createArticle").variable("input", input)
                .execute();
    }
}
