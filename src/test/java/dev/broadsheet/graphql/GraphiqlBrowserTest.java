package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.broadsheet.graphql.HeadlessChromium.textOf;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.live.LiveUpdates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL in a real browser with no internet: headless Debian {@code chromium} where every host name
 * but localhost resolves to nothing. The page renders from the application's own files, runs the
 * preloaded article query against this server and shows the result; the token panel's token goes out
 * as {@code Authorization: Bearer}. Screenshots land in {@code target/graphiql/}. Skipped, saying so,
 * where chromium is not installed ({@code apt-get install -y chromium}).
 */
@ApiTest
@EnabledIf(value = "dev.broadsheet.graphql.HeadlessChromium#installed",
        disabledReason = "chromium is not installed (apt-get install -y chromium, or set CHROMIUM): "
                + "skipping the offline GraphiQL browser check")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphiqlBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "graphiql");
    static final Duration PAGE_LIMIT = Duration.ofSeconds(20);
    static final String SLUG = "dock-workers-walk-out-over-pay-freeze";
    static final String DRAFT = "sample-article-bus-cuts";

    @LocalServerPort
    int port;

    @Autowired
    LiveUpdates live;

    HeadlessChromium browser;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = HeadlessChromium.launch(HeadlessChromium.find().orElseThrow(), 1400, 900);
        browser.navigate(origin() + "/graphiql");
        browser.waitFor(textOf(".graphiql-query-editor .view-lines") + ".includes('query ArticlePage(')"
                + " && " + textOf(".graphiql-editor-tool .view-lines") + ".includes('\"slug\": \"" + SLUG + "\"')",
                PAGE_LIMIT, "the article example and its variables in the editors");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void runsTheArticleQueryOfflineAndShowsTheResult() throws Exception {
        String title = GraphQlHttp.at(port).query("query($slug: String!) { article(slug: $slug) { title } }",
                Map.of("slug", SLUG)).data("article.title").asString();

        run();
        String response = browser.waitFor("(() => { const text = " + textOf(".graphiql-response .view-lines")
                + "; return text.includes('\"title\": ' + JSON.stringify(" + quoted(title) + ")) && text; })()",
                PAGE_LIMIT, "the article's title in the response").asString();
        browser.screenshot(SCREENSHOTS.resolve("article-query.png"));

        assertThat(response).contains("\"slug\": \"" + SLUG + "\"").doesNotContain("\"errors\"");
        assertThat(browser.events().requests()).extracting(PageEvents.Request::url)
                .allMatch(url -> url.startsWith(origin() + "/") || url.startsWith("data:") || url.startsWith("blob:"),
                        "only this server (no CDN)")
                .contains(origin() + "/graphiql/graphiql.js", origin() + "/graphiql/graphiql.css",
                        origin() + "/graphiql/graphql.worker.js");
        assertThat(browser.events().pageExceptions()).isEmpty();
        assertThat(browser.events().consoleErrors()).isEmpty();
    }

    /** Subscriptions go over the application's own WebSocket endpoint, which the page's policy lets through. */
    @Test
    @Order(2)
    void mayOpenTheSubscriptionSocket() {
        JsonNode protocol = browser.evaluate("""
                new Promise((resolve, reject) => {
                  const socket = new WebSocket(new URL(document.getElementById('graphiql').dataset.subscriptions,
                      location.href.replace(/^http/, 'ws')), 'graphql-transport-ws');
                  socket.onopen = () => { resolve(socket.protocol); socket.close(); };
                  socket.onerror = () => reject(new Error('the subscription socket did not open'));
                })""");

        assertThat(protocol.asString()).isEqualTo("graphql-transport-ws");
        assertThat(browser.events().consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void showsTheSchemaInTheDocsExplorer() {
        browser.click("[aria-label='Show Documentation Explorer']");

        String docs = browser.waitFor("(() => { const text = " + textOf(".graphiql-doc-explorer")
                + "; return text.includes('query:') && text; })()", PAGE_LIMIT,
                "the root types in the docs explorer").asString();
        browser.click("[aria-label='Hide Documentation Explorer']");

        assertThat(docs).contains("Query", "Mutation", "Subscription");
    }

    @Test
    @Order(4)
    void opensAnExampleInANewTab() {
        int tabs = browser.evaluate("document.querySelectorAll('.graphiql-tab').length").asInt();
        browser.click("[aria-label='Show Examples']");
        browser.evaluate("void [...document.querySelectorAll('.broadsheet-examples button')]"
                + ".find(button => button.innerText === 'Partner pull').click()");

        browser.waitFor(textOf(".graphiql-query-editor .view-lines") + ".includes('query Syndicated(')"
                + " && " + textOf(".graphiql-editor-tool .view-lines") + ".includes('\"partnerId\": null')"
                + " && " + textOf(".graphiql-tab.graphiql-tab-active") + ".includes('Changes')",
                PAGE_LIMIT, "the partner pull in the editors and its tab");
        int opened = browser.evaluate("document.querySelectorAll('.graphiql-tab').length").asInt();
        browser.click("[aria-label='Hide Examples']");

        assertThat(opened).isEqualTo(tabs + 1);
    }

    /** From here on the page sends the admin token. */
    @Test
    @Order(5)
    void sendsTheTokenFromTheTokenPanelAsABearerHeader() throws Exception {
        browser.click("[aria-label='Show Bearer token']");
        browser.waitFor("!!document.querySelector('.broadsheet-panel input[type=password]')", PAGE_LIMIT, "the token panel");
        browser.focus(".broadsheet-panel input[type=password]");
        browser.insertText(ApiTest.ADMIN_TOKEN);
        browser.click(".broadsheet-panel button[type=submit]");
        String status = browser.waitFor("(() => { const text = " + textOf("[data-testid=token-status]")
                + "; return text.startsWith('bs_') && text; })()", PAGE_LIMIT, "the saved token").asString();
        browser.click(".graphiql-tab .graphiql-tab-button");
        browser.waitFor(textOf(".graphiql-query-editor .view-lines") + ".includes('query ArticlePage(')", PAGE_LIMIT,
                "the article tab");
        int before = graphQlPosts().size();

        run();
        List<PageEvents.Request> posts = browser.events().awaitRequests(this::isGraphQlPost, before, PAGE_LIMIT);
        browser.screenshot(SCREENSHOTS.resolve("token-panel.png"));

        assertThat(status).isEqualTo("bs_…6789").doesNotContain("test-admin");
        assertThat(browser.evaluate("localStorage.getItem('broadsheet.graphiql.token')").asString())
                .isEqualTo(ApiTest.ADMIN_TOKEN);
        assertThat(posts.subList(0, before)).allMatch(post -> post.header("Authorization") == null);
        assertThat(posts.get(posts.size() - 1).header("Authorization")).isEqualTo("Bearer " + ApiTest.ADMIN_TOKEN);
    }

    /** With the token from the panel, the live-updates example subscribes and shows a save as it happens. */
    @Test
    @Order(6)
    void runsTheLiveUpdatesExampleOverTheSocketWithTheToken() throws Exception {
        GraphQlHttp admin = GraphQlHttp.at(port).header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN);
        String id = admin.query("mutation($input: ArticleInput!) { createArticle(input: $input) { id } }",
                Map.of("input", Map.of("slug", "graphiql-live-" + System.nanoTime(), "title", "Harbour wall repairs",
                        "section", "news"))).data("createArticle.id").asString();
        browser.click("[aria-label='Show Examples']");
        browser.evaluate("void [...document.querySelectorAll('.broadsheet-examples button')]"
                + ".find(button => button.innerText === 'Live updates').click()");
        browser.waitFor(textOf(".graphiql-query-editor .view-lines") + ".includes('subscription ArticleChanged(')",
                PAGE_LIMIT, "the live-updates example");
        browser.click("[aria-label='Hide Examples']");
        browser.focus(".graphiql-editor-tool .monaco-editor textarea");
        browser.selectAll();
        browser.insertText("{\"id\": \"" + id); // the editor closes the quote and the brace itself
        String variables = browser.waitFor("(() => { const text = " + textOf(".graphiql-editor-tool .view-lines")
                + "; return text.includes('" + id + "') && text; })()", PAGE_LIMIT, "the new draft's id in the variables")
                .asString();
        assertThat(variables).isEqualTo("{\"id\": \"" + id + "\"}");

        run();
        String init = browser.events().awaitFrameSent("\"connection_init\"", PAGE_LIMIT);
        browser.events().awaitFrameSent(id, PAGE_LIMIT);
        awaitWatched();
        admin.query("mutation($id: ID!) { updateArticle(id: $id, expectedVersion: 1, input: {title: \"Harbour wall "
                + "repairs begin\"}) { version } }", Map.of("id", id));
        String response = browser.waitFor("(() => { const text = " + textOf(".graphiql-response .view-lines")
                + "; return text.includes('\"kind\": \"SAVED\"') && text; })()", PAGE_LIMIT,
                "the save in the response pane").asString();
        browser.screenshot(SCREENSHOTS.resolve("live-updates.png"));

        assertThat(init).contains("\"Authorization\":\"Bearer " + ApiTest.ADMIN_TOKEN + "\"");
        assertThat(response).contains("\"articleId\": \"" + id + "\"", "\"version\": 2", "\"status\": \"DRAFT\"");
    }

    /**
     * Runs the active tab's operation. Right after a tab switch GraphiQL may still count the previous
     * tab's operations, and with several the button is a menu (opened by pointer, not by click).
     */
    private void run() {
        browser.waitFor("!document.querySelector('.graphiql-execute-button').hasAttribute('aria-haspopup')", PAGE_LIMIT,
                "one operation to run");
        browser.click(".graphiql-execute-button");
    }

    /** The subscribe frame is out; the server registers the subscription a moment later. */
    private void awaitWatched() {
        long deadline = System.nanoTime() + PAGE_LIMIT.toNanos();
        while (!live.watches() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(live.watches()).as("the page's subscription registered").isTrue();
    }

    private List<PageEvents.Request> graphQlPosts() {
        return browser.events().requests().stream().filter(this::isGraphQlPost).toList();
    }

    private boolean isGraphQlPost(PageEvents.Request request) {
        return "POST".equals(request.method()) && request.url().equals(origin() + "/graphql");
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
