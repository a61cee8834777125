package dev.broadsheet.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
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
import tools.jackson.databind.JsonNode;

/** Test helpers: partners and their tokens, assets and articles, made over GraphQL as a client would. */
final class Syndication {

    private final int port;
    final GraphQlHttp admin;
    final GraphQlHttp editor;

    Syndication(int port) {
        this.port = port;
        this.admin = Tokens.client(port, Tokens.Role.ADMIN);
        this.editor = Tokens.client(port, Tokens.Role.EDITOR);
    }

    static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response ok(Response response) {
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response;
    }

    /** A new partner; returns its id. */
    String partner(boolean commercial, List<String> sections, int embargoMinutes) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", unique("partner"));
        input.put("commercial", commercial);
        input.put("sections", sections);
        input.put("embargoMinutes", embargoMinutes);
        return ok(admin.query("mutation($input: PartnerInput!) { createPartner(input: $input) { id } }",
                Map.of("input", input))).data("createPartner.id").asString();
    }

    String token(String partnerId) {
        return ok(admin.query("mutation($p: ID) { createApiToken(name: \"partner\", role: PARTNER, partnerId: $p) { secret } }",
                Map.of("p", partnerId))).data("createApiToken.secret").asString();
    }

    GraphQlHttp client(String partnerId) {
        return GraphQlHttp.at(port).header("Authorization", "Bearer " + token(partnerId));
    }

    /** A new asset under {@code licenceId} with a unique URL; returns its id and URL. */
    Map<String, String> asset(String licenceId, List<String> grants) {
        String url = "https://media.example/" + unique(licenceId.toLowerCase()) + ".jpg";
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Photo under " + licenceId);
        input.put("url", url);
        input.put("width", 1200);
        input.put("height", 800);
        input.put("creator", Map.of("name", "Sam Reyes"));
        input.put("licenceId", licenceId);
        input.put("syndicationGrants", grants);
        String id = ok(editor.query("mutation($input: MediaAssetInput!) { createMediaAsset(input: $input) { id } }",
                Map.of("input", input))).data("createMediaAsset.id").asString();
        return Map.of("id", id, "url", url);
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

    /** A draft in {@code section} with an optional featured image and body images; returns id and version. */
    JsonNode draft(String section, Map<String, Object> featured, List<Map<String, Object>> bodyImages) {
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
        return ok(editor.query("mutation($input: ArticleInput!) { createArticle(input: $input) { id slug version } }",
                Map.of("input", input))).data("createArticle");
    }

    /** Runs a workflow mutation (publishArticle, unpublishArticle, archiveArticle); returns the new version. */
    long transition(String mutation, String id, long version) {
        return ok(editor.query("mutation($id: ID!, $v: Int!) { " + mutation + "(id: $id, expectedVersion: $v) { version } }",
                Map.of("id", id, "v", version))).data(mutation + ".version").asLong();
    }

    long update(String id, long version, Map<String, Object> input) {
        return ok(editor.query("mutation($id: ID!, $v: Int!, $input: ArticleInput!) { updateArticle(id: $id, "
                + "expectedVersion: $v, input: $input) { version } }", Map.of("id", id, "v", version, "input", input)))
                .data("updateArticle.version").asLong();
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
}
