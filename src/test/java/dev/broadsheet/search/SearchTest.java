package dev.broadsheet.search;

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
import tools.jackson.databind.JsonNode;

/** Reader search through GraphQL; each test works in a section of its own so tests do not see each other. */
@ApiTest
class SearchTest {

    private static final String SEARCH = """
            query($q: String!, $section: String, $first: Int, $after: String) {
              search(query: $q, section: $section, first: $first, after: $after) {
                edges { cursor node { score titleHtml snippet article { id slug } } }
                pageInfo { hasNextPage endCursor } } }""";

    @LocalServerPort
    int port;

    GraphQlHttp editor;
    String section;

    @BeforeEach
    void setUp() {
        editor = Tokens.client(port, Tokens.Role.EDITOR);
        section = "search-" + System.nanoTime();
    }

    @Test
    void aStemmedFormOfABodyWordFindsTheArticle() {
        String id = publish("Port news", "Union leaders say the strike will continue into next week.");

        assertThat(ids(search("striking"))).containsExactly(id);
        assertThat(ids(search("strikes"))).containsExactly(id);
        assertThat(ids(search("ballet"))).isEmpty();
    }

    @Test
    void anAccentedWordIsFoundWhenTypedWithoutAccents() {
        String id = publish("A new café opens", "The crème brûlée at Zoë's is the talk of Harbour Road.");

        assertThat(ids(search("creme brulee"))).containsExactly(id);
        assertThat(ids(search("CAFE"))).containsExactly(id);
        assertThat(ids(search("zoe"))).containsExactly(id);
    }

    @Test
    void aTitleHitRanksAboveABodyOnlyHitEvenWhenOlder() {
        String titleHit = publish("Lighthouse keeper retires", "After forty years he hands over the keys.");
        String bodyHit = publish("Coastal walk reopens", "The path runs past the old lighthouse to the point.");

        assertThat(ids(search("lighthouse"))).containsExactly(titleHit, bodyHit);
    }

    @Test
    void snippetsAreEscapedWithMarksAroundTheHits() {
        publish("Council <b>budget</b>", "Officers said the <script>budget</script> & reserves were \"fragile\".");

        JsonNode node = search("budgets").path(0).path("node");
        assertThat(node.path("titleHtml").asString()).isEqualTo("Council &lt;b&gt;<mark>budget</mark>&lt;/b&gt;");
        assertThat(node.path("snippet").asString())
                .contains("&lt;script&gt;<mark>budget</mark>&lt;/script&gt; &amp; reserves were &quot;fragile&quot;")
                .doesNotContain("<script>");
    }

    @Test
    void cursorPagingWalksEveryHitOnce() {
        String a = publish("Ferry timetable", "The ferry leaves at nine.");
        String b = publish("Ferry fares", "The ferry costs more.");
        String c = publish("Ferry crew", "Meet the ferry crew.");

        Response first = query("ferry", 2, null);
        assertThat(first.data("search.pageInfo.hasNextPage").asBoolean()).isTrue();
        Response second = query("ferry", 2, first.data("search.pageInfo.endCursor").asString());
        assertThat(second.data("search.pageInfo.hasNextPage").asBoolean()).isFalse();
        List<String> all = new java.util.ArrayList<>(ids(first.data("search.edges")));
        all.addAll(ids(second.data("search.edges")));
        assertThat(all).containsExactlyInAnyOrder(a, b, c);
        assertThat(query("ferry", 2, "not-a-cursor").firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void draftsNeverAppearAndUnpublishedArticlesLeave() {
        JsonNode draft = create("Secret harbour plan", "The marina plan is still a draft.");
        assertThat(ids(search("marina"))).isEmpty();

        JsonNode published = transition("publishArticle", draft);
        assertThat(ids(search("marina"))).containsExactly(draft.path("id").asString());

        transition("unpublishArticle", published);
        assertThat(ids(search("marina"))).isEmpty();
    }

    @Test
    void queriesAreCappedAndCannotInjectOperators() {
        publish("Quiet night", "Nothing happened at the quay.");

        assertThat(query("x".repeat(201), 10, null).firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(query("", 10, null).firstErrorCode()).isEqualTo("VALIDATION");
        Response operators = query("{\"$ne\": null} $where .* quay", 10, null);
        assertThat(operators.hasErrors()).isFalse();
        assertThat(operators.data("search.edges").size()).isEqualTo(1);
        assertThat(query("the and of", 10, null).data("search.edges").size()).isZero();
    }

    @Test
    void theSampleNewsroomIsSearchable() {
        Response response = GraphQlHttp.at(port).query(
                "{ search(query: \"striking dockers\") { edges { node { article { slug } snippet } } } }", Map.of());
        assertThat(response.data("search.edges.0.node.article.slug").asString())
                .isEqualTo("dock-workers-walk-out-over-pay-freeze");
        assertThat(response.data("search.edges.0.node.snippet").asString()).contains("<mark>");
    }

    private String publish(String title, String body) {
        return transition("publishArticle", create(title, body)).path("id").asString();
    }

    private JsonNode create(String title, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put("slug", "s-" + System.nanoTime());
        input.put("title", title);
        input.put("section", section);
        input.put("body", List.of(Map.of("paragraph", Map.of("text", body))));
        Response response = editor.query("mutation($input: ArticleInput!) { createArticle(input: $input) { id version } }",
                Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data("createArticle");
    }

    private JsonNode transition(String mutation, JsonNode article) {
        Response response = editor.query("mutation($id: ID!, $v: Int!) { " + mutation
                + "(id: $id, expectedVersion: $v) { id version } }",
                Map.of("id", article.path("id").asString(), "v", article.path("version").asLong()));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data(mutation);
    }

    private JsonNode search(String q) {
        Response response = query(q, 20, null);
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data("search.edges");
    }

    private Response query(String q, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", q);
        variables.put("section", section);
        variables.put("first", first);
        variables.put("after", after);
        return GraphQlHttp.at(port).query(SEARCH, variables);
    }

    private static List<String> ids(JsonNode edges) {
        return edges.valueStream().map(edge -> edge.path("node").path("article").path("id").asString()).toList();
    }
}
