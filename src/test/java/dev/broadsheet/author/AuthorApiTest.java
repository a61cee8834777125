package dev.broadsheet.author;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class AuthorApiTest {

    private static final String AUTHOR_PAGE = """
            query($slug: String!) { author(slug: $slug) { id slug name bio jobTitle url version
              avatar { alt asset { url } } links { label url }
              articles(first: 10) { edges { node { slug authors { slug } } } } } }""";

    @LocalServerPort
    int port;

    @Test
    void theSampleAuthorsHaveBiosAvatarsAndTheirArticles() {
        Response response = GraphQlHttp.at(port).query(AUTHOR_PAGE, Map.of("slug", "priya-nandakumar"));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        JsonNode author = response.data("author");
        assertThat(author.path("name").asString()).isEqualTo("Priya Nandakumar");
        assertThat(author.path("bio").asString()).contains("council");
        assertThat(author.path("avatar").path("asset").path("url").asString()).endsWith("/people/priya.jpg");
        assertThat(author.path("links").size()).isEqualTo(2);
        List<String> slugs = author.path("articles").path("edges").valueStream()
                .map(edge -> edge.path("node").path("slug").asString()).toList();
        assertThat(slugs).contains("dock-workers-walk-out-over-pay-freeze")
                .doesNotContain("review-harbour-choir-winter-concert", "leaked-budget-shows-deeper-bus-cuts");
        assertThat(GraphQlHttp.at(port).query(AUTHOR_PAGE, Map.of("slug", "tom-ashworth")).data("author.bio").asString())
                .isNotBlank();
    }

    @Test
    void articlesFilterByAuthorSectionAndTag() {
        GraphQlHttp graphql = GraphQlHttp.at(port);
        String query = "query($a: String, $s: String, $t: String) { articles(author: $a, section: $s, tag: $t) "
                + "{ edges { node { slug authors { name } } } } }";

        JsonNode byTom = graphql.query(query, Map.of("a", "tom-ashworth")).data("articles.edges");
        assertThat(byTom.size()).isEqualTo(1);
        assertThat(byTom.path(0).path("node").path("authors").path(0).path("name").asString()).isEqualTo("Tom Ashworth");
        assertThat(graphql.query(query, Map.of("a", "nobody-at-all")).data("articles.edges").size()).isZero();
        assertThat(graphql.query(query, Map.of("a", "priya-nandakumar", "t", "libraries")).data("articles.edges").size())
                .isEqualTo(1);
        assertThat(graphql.query(query, Map.of("s", "culture")).data("articles.edges").size()).isEqualTo(1);
    }

    @Test
    void sectionsAndTagsHaveNamesParentsAndArticles() {
        Response response = GraphQlHttp.at(port).query("{ sections { slug name } section(slug: \"reviews\") "
                + "{ name parent { slug name } } tag(slug: \"port\") { name articles { edges { node { slug } } } } }", Map.of());

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        assertThat(response.data("sections").valueStream().map(s -> s.path("name").asString()).toList())
                .contains("News", "Culture");
        assertThat(response.data("section.parent.name").asString()).isEqualTo("Culture");
        assertThat(response.data("tag.name").asString()).isEqualTo("The port");
        assertThat(response.data("tag.articles.edges").size()).isEqualTo(1);
    }

    @Test
    void editorsCreateAndUpdateAuthorsWithVersionsAndLinkThemToArticles() {
        GraphQlHttp editor = Tokens.client(port, Tokens.Role.EDITOR);
        String slug = "ines-" + System.nanoTime();
        Response created = editor.query("mutation($input: AuthorEntityInput!) { createAuthor(input: $input) { id slug version } }",
                Map.of("input", Map.of("slug", slug, "name", "Inês Ferreira", "bio", "Courts.")));
        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        String id = created.data("createAuthor.id").asString();

        String update = "mutation($id: ID!, $v: Int!, $input: AuthorEntityInput!) { updateAuthor(id: $id, "
                + "expectedVersion: $v, input: $input) { name bio version } }";
        Response updated = editor.query(update, Map.of("id", id, "v", 1,
                "input", Map.of("slug", slug, "name", "Inês Ferreira", "jobTitle", "Courts reporter")));
        assertThat(updated.data("updateAuthor.version").asInt()).isEqualTo(2);
        assertThat(updated.data("updateAuthor.bio").isNull()).isTrue();
        Response stale = editor.query(update, Map.of("id", id, "v", 1, "input", Map.of("slug", slug, "name", "Stale")));
        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        Response duplicate = editor.query("mutation($input: AuthorEntityInput!) { createAuthor(input: $input) { id } }",
                Map.of("input", Map.of("slug", slug, "name", "Someone else")));
        assertThat(duplicate.firstErrorCode()).isEqualTo("VALIDATION");
        Response anonymous = GraphQlHttp.at(port).query("mutation($input: AuthorEntityInput!) { createAuthor(input: $input) { id } }",
                Map.of("input", Map.of("slug", slug + "-x", "name", "Anon")));
        assertThat(anonymous.firstErrorCode()).isIn("UNAUTHENTICATED", "FORBIDDEN");

        Response article = editor.query("mutation($input: ArticleInput!) { createArticle(input: $input) { authors { id name } } }",
                Map.of("input", Map.of("slug", "courts-" + System.nanoTime(), "title", "Court list", "section", "news",
                        "authorIds", List.of(id, "sample-author-priya"))));
        assertThat(article.data("createArticle.authors").valueStream().map(a -> a.path("name").asString()).toList())
                .containsExactly("Inês Ferreira", "Priya Nandakumar");
        Response unknown = editor.query("mutation($input: ArticleInput!) { createArticle(input: $input) { id } }",
                Map.of("input", Map.of("slug", "courts-" + System.nanoTime(), "title", "Court list", "section", "news",
                        "authorIds", List.of("no-such-author"))));
        assertThat(unknown.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(unknown.errors().path(0).path("extensions").toString()).contains("input.authorIds[0]");
    }
}
