package dev.broadsheet.syndication;

import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Test helpers: partners and their tokens, assets and articles, made over GraphQL as a client would (Spring's
 * HttpGraphQlTester with the {@code syndication/}, {@code security/}, {@code media/} and {@code article/editing/}
 * documents). The partner feeds are not GraphQL: {@link #get} reads them with a plain HTTP GET.
 */
final class Syndication {

    /** A draft as created: what the workflow mutations need next. */
    record Draft(String id, long version) {
    }

    /** A media asset as created, with its unique URL (to look for, or not, in what a partner receives). */
    record Asset(String id, String url) {
    }

    private final int port;
    final HttpGraphQlTester admin;
    final HttpGraphQlTester editor;

    Syndication(int port) {
        this.port = port;
        this.admin = Testers.as(port, Tokens.Role.ADMIN);
        this.editor = Testers.as(port, Tokens.Role.EDITOR);
    }

    static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new partner; returns its id. */
    String partner(boolean commercial, List<String> sections, int embargoMinutes) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", unique("partner"));
        input.put("commercial", commercial);
        input.put("sections", sections);
        input.put("embargoMinutes", embargoMinutes);
        return value(admin.documentName("syndication/createPartner").variable("input", input).execute(),
                "createPartner.id", String.class);
    }

    /** A new PARTNER token's secret for {@code partnerId}. */
    String token(String partnerId) {
        return value(admin.documentName("security/createToken").variable("name", "partner").variable("role", "PARTNER")
                .variable("partnerId", partnerId).execute(), "createApiToken.secret", String.class);
    }

    /** A caller holding a new token of {@code partnerId}. */
    HttpGraphQlTester client(String partnerId) {
        return bearer(token(partnerId));
    }

    /** A caller presenting {@code secret}. */
    HttpGraphQlTester bearer(String secret) {
        return Testers.anonymous(port).mutate().header("Authorization", "Bearer " + secret).build();
    }

    /** A new asset under {@code licenceId} with a unique URL. */
    Asset asset(String licenceId, List<String> grants) {
        String url = "https://media.example/" + unique(licenceId.toLowerCase()) + ".jpg";
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Photo under " + licenceId);
        input.put("url", url);
        input.put("width", 1200);
        input.put("height", 800);
        input.put("creator", Map.of("name", "Sam Reyes"));
        input.put("licenceId", licenceId);
        input.put("syndicationGrants", grants);
        String id = value(editor.documentName("media/createAsset").variable("input", input).execute(),
                "createMediaAsset.id", String.class);
        return new Asset(id, url);
    }

    static Map<String, Object> image(String assetId, boolean cropped) {
        Map<String, Object> usage = new HashMap<>();
        usage.put("assetId", assetId);
        usage.put("caption", "A caption");
        if (cropped) {
            usage.put("crop", Map.of("x", 0, "y", 0, "width", 600, "height", 400));
        }
        return usage;
    }

    /** A draft in {@code section} with an optional featured image and body images. */
    Draft draft(String section, Map<String, Object> featured, List<Map<String, Object>> bodyImages) {
        Map<String, Object> input = new HashMap<>();
        input.put("slug", unique("syndicated"));
        input.put("title", "Harbour board meets");
        input.put("section", section);
        input.put("tags", List.of("harbour"));
        if (featured != null) {
            input.put("featuredImage", featured);
        }
        List<Object> body = new ArrayList<>();
        body.add(Map.of("paragraph", Map.of("text", "The board met on Tuesday.")));
        bodyImages.forEach(image -> body.add(Map.of("image", image)));
        input.put("body", body);
        GraphQlTester.Response created = editor.documentName("article/editing/create").variable("input", input).execute();
        return new Draft(value(created, "createArticle.id", String.class),
                created.path("createArticle.version").entity(Long.class).get());
    }

    /** Runs a workflow document of {@code article/editing/} (publish, unpublish, archive); returns the new version. */
    long transition(String document, String id, long version) {
        return value(editor.documentName("article/editing/" + document).variable("id", id).variable("version", version)
                .execute(), document + "Article.version", Long.class);
    }

    long update(String id, long version, Map<String, Object> input) {
        return value(editor.documentName("article/editing/update").variable("id", id).variable("version", version)
                .variable("input", input).execute(), "updateArticle.version", Long.class);
    }

    /** GET of a partner feed path ({@code /syndication/ninjs?after=...}) with a bearer token (or none). */
    HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value at {@code path} of a response that must have no errors. */
    private static <T> T value(GraphQlTester.Response response, String path, Class<T> type) {
        return response.errors().verify().path(path).entity(type).get();
    }
}
