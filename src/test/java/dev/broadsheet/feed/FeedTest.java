package dev.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Feeds and sitemaps as a reader's feed reader and a search engine's crawler fetch them (plain HTTP: XML,
 * status codes, ETag and caching headers); the editor's publishing goes through HttpGraphQlTester.
 */
@ApiTest
class FeedTest {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRssFeedListsPublishedArticlesWithAuthorsAndCorrections() throws Exception {
        HttpResponse<byte[]> response = get("/feeds/rss.xml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        Document rss = parse(response.body());

        List<String> links = texts(rss.getElementsByTagName("link"));
        assertThat(links).contains("http://localhost:8080/news/dock-workers-walk-out-over-pay-freeze")
                .doesNotContain("http://localhost:8080/news/leaked-budget-shows-deeper-bus-cuts");
        assertThat(texts(rss.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")))
                .contains("Priya Nandakumar", "Tom Ashworth");
        assertThat(texts(rss.getElementsByTagName("description")))
                .anyMatch(text -> text.contains("Correction (") && text.contains("eight thousand"));
        assertThat(rss.getElementsByTagName("item").getLength()).isLessThanOrEqualTo(50);
    }

    @Test
    void sectionAndAuthorFeedsListOnlyTheirArticles() throws Exception {
        Document culture = parse(get("/feeds/sections/culture/rss.xml", null).body());
        assertThat(texts(culture.getElementsByTagName("title"))).contains("The Tidewater Courier: Culture",
                "Review: the Harbour Choir finds its voice in a draughty church hall");
        assertThat(culture.getElementsByTagName("item").getLength()).isEqualTo(1);

        Document tom = parse(get("/feeds/authors/tom-ashworth/rss.xml", null).body());
        assertThat(tom.getElementsByTagName("item").getLength()).isEqualTo(1);
        assertThat(get("/feeds/authors/nobody-here/rss.xml", null).statusCode()).isEqualTo(404);
    }

    @Test
    void feedsCarryAnEtagThatAnswers304UntilAPublishChangesThem() throws Exception {
        HttpResponse<byte[]> first = get("/feeds/rss.xml", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
        assertThat(first.headers().firstValue("Surrogate-Key").orElse("")).contains("list:all");
        assertThat(get("/feeds/rss.xml", etag).statusCode()).isEqualTo(304);

        String title = "Pier reopens " + System.nanoTime();
        publish(title);

        HttpResponse<byte[]> after = get("/feeds/rss.xml", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(title);
    }

    @Test
    void theNewsSitemapListsTheLast48HoursAndValidates() throws Exception {
        String title = "Lifeboat launched " + System.nanoTime();
        publish(title);

        byte[] body = get("/sitemaps/news.xml", null).body();
        validate(body, "sitemap.xsd", "sitemap-news.xsd");
        Document news = parse(body);
        assertThat(texts(news.getElementsByTagNameNS(NEWS_NS, "title"))).contains(title)
                .doesNotContain("Dock workers walk out as port operator freezes pay");
        assertThat(texts(news.getElementsByTagNameNS(NEWS_NS, "name"))).containsOnly("The Tidewater Courier");
    }

    @Test
    void theSitemapIndexListsMonthlySitemapsThatValidate() throws Exception {
        byte[] index = get("/sitemap.xml", null).body();
        validate(index, "siteindex.xsd");
        List<String> sitemaps = texts(parse(index).getElementsByTagNameNS(SITEMAP_NS, "loc"));
        assertThat(sitemaps).contains("http://localhost:8080/sitemaps/2026-11.xml");

        HttpResponse<byte[]> november = get("/sitemaps/2026-11.xml", null);
        assertThat(november.statusCode()).isEqualTo(200);
        validate(november.body(), "sitemap.xsd");
        List<String> urls = texts(parse(november.body()).getElementsByTagNameNS(SITEMAP_NS, "loc"));
        assertThat(urls).contains("http://localhost:8080/news/dock-workers-walk-out-over-pay-freeze",
                "http://localhost:8080/culture/review-harbour-choir-winter-concert")
                .doesNotContain("http://localhost:8080/news/leaked-budget-shows-deeper-bus-cuts");
        assertThat(get("/sitemaps/1999-01.xml", null).statusCode()).isEqualTo(404);
    }

    private void publish(String title) {
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        GraphQlTester.Response created = editor.documentName("feed/createArticle").variable("input", Map.of(
                "slug", "feed-" + System.nanoTime(), "title", title, "section", "news",
                "authorIds", List.of("sample-author-priya"))).execute();
        editor.documentName("article/editing/publish").variable("id", created.path("createArticle.id").entity(String.class).get())
                .variable("version", created.path("createArticle.version").entity(Integer.class).get()).execute()
                .errors().verify();
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static void validate(byte[] xml, String... xsds) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = new Source[xsds.length];
        for (int i = 0; i < xsds.length; i++) {
            sources[i] = new StreamSource(FeedTest.class.getResource("/xsd/" + xsds[i]).toExternalForm());
        }
        Schema schema = factory.newSchema(sources);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent());
        }
        return texts;
    }
}
