package dev.broadsheet.search;

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

/**
 * Reader search through HttpGraphQlTester ({@code search/search}); each test works in a section of its own so
 * tests do not see each other.
 */
@ApiTest
class SearchTest {

    @LocalServerPort
    int port;

    HttpGraphQlTester editor;
    HttpGraphQlTester reader;
    String section;

    @BeforeEach
    void setUp() {
        editor = Testers.as(port, Tokens.Role.EDITOR);
        reader = Testers.anonymous(port);
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

        GraphQlTester.Response hits = query("budgets", 20, null);
        hits.path("search.edges[0].node.titleHtml").entity(String.class)
                .isEqualTo("Council &lt;b&gt;<mark>budget</mark>&lt;/b&gt;");
        assertThat(hits.path("search.edges[0].node.snippet").entity(String.class).get())
                .contains("&lt;script&gt;<mark>budget</mark>&lt;/script&gt; &amp; reserves were &quot;fragile&quot;")
                .doesNotContain("<script>");
    }

    @Test
    void cursorPagingWalksEveryHitOnce() {
        String a = publish("Ferry timetable", "The ferry leaves at nine.");
        String b = publish("Ferry fares", "The ferry costs more.");
        String c = publish("Ferry crew", "Meet the ferry crew.");

        GraphQlTester.Response first = query("ferry", 2, null);
        first.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        GraphQlTester.Response second = query("ferry", 2, first.path("search.pageInfo.endCursor").entity(String.class).get());
        second.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        List<String> all = new java.util.ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrder(a, b, c);
        assertThat(Testers.firstError(query("ferry", 2, "not-a-cursor"))).containsEntry("code", "VALIDATION");
    }

    @Test
    void draftsNeverAppearAndUnpublishedArticlesLeave() {
        GraphQlTester.Response draft = create("Secret harbour plan", "The marina plan is still a draft.");
        String id = draft.path("createArticle.id").entity(String.class).get();
        assertThat(ids(search("marina"))).isEmpty();

        long published = transition("publish", id, draft.path("createArticle.version").entity(Long.class).get());
        assertThat(ids(search("marina"))).containsExactly(id);

        transition("unpublish", id, published);
        assertThat(ids(search("marina"))).isEmpty();
    }

    @Test
    void queriesAreCappedAndCannotInjectOperators() {
        publish("Quiet night", "Nothing happened at the quay.");

        assertThat(Testers.firstError(query("x".repeat(201), 10, null))).containsEntry("code", "VALIDATION");
        assertThat(Testers.firstError(query("", 10, null))).containsEntry("code", "VALIDATION");
        query("{\"$ne\": null} $where .* quay", 10, null).errors().verify().path("search.edges")
                .entityList(Object.class).hasSize(1);
        query("the and of", 10, null).path("search.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void theSampleNewsroomIsSearchable() {
        GraphQlTester.Response response = reader.documentName("search/search")
                .variable("q", "striking dockers").execute();
        response.path("search.edges[0].node.article.slug").entity(String.class).isEqualTo("dock-workers-walk-out-over-pay-freeze");
        assertThat(response.path("search.edges[0].node.snippet").entity(String.class).get()).contains("<mark>");
    }

    private String publish(String title, String body) {
        GraphQlTester.Response draft = create(title, body);
        String id = draft.path("createArticle.id").entity(String.class).get();
        transition("publish", id, draft.path("createArticle.version").entity(Long.class).get());
        return id;
    }

    private GraphQlTester.Response create(String title, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put("slug", "s-" + System.nanoTime());
        input.put("title", title);
        input.put("section", section);
        input.put("body", List.of(Map.of("paragraph", Map.of("text", body))));
        GraphQlTester.Response response = editor.documentName("search/createArticle").variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    /** Publishes or unpublishes the article; returns its new version. */
    private long transition(String mutation, String id, long version) {
        return editor.documentName("article/editing/" + mutation).variable("id", id).variable("version", version).execute()
                .errors().verify().path(mutation + "Article.version").entity(Long.class).get();
    }

    private GraphQlTester.Response search(String q) {
        GraphQlTester.Response response = query(q, 20, null);
        response.errors().verify();
        return response;
    }

    private GraphQlTester.Response query(String q, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", q);
        variables.put("section", section);
        variables.put("first", first);
        variables.put("after", after);
        return reader.documentName("search/search").variables(variables).execute();
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("search.edges[*].node.article.id").entityList(String.class).get();
    }
}
