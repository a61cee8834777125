package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class MediaAssetMutationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void anEditorAddsAnAssetThatAnyoneCanThenReadWithItsAttribution() {
        Response created = editor().document("media/createAsset", Map.of("input", input("Ferry at dawn", "CC-BY-SA-4.0")));

        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        JsonNode asset = created.data("createMediaAsset");
        assertThat(asset.path("version").asInt()).isEqualTo(1);
        assertThat(asset.path("crops").path(0).path("name").asString()).isEqualTo("wide");
        JsonNode read = GraphQlHttp.at(port).document("media/asset", Map.of("id", asset.path("id").asString())).data("mediaAsset");
        assertThat(read.path("attribution").asString()).isEqualTo("“Ferry at dawn” by Sam Reed via Wikimedia Commons, "
                + "licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        assertThat(read.path("crops").path(0).path("width").asInt()).isEqualTo(1600);
    }

    @Test
    void anUpdateNamingTheCurrentVersionReplacesTheFieldsAndBumpsTheVersion() {
        String id = create("Harbour crane");
        Map<String, Object> changed = input("Harbour crane at night", "CC0-1.0");
        changed.put("crops", List.of());

        Response updated = editor().document("media/updateAsset", Map.of("id", id, "expectedVersion", 1, "input", changed));

        assertThat(updated.hasErrors()).as(updated.body().toString()).isFalse();
        assertThat(updated.data("updateMediaAsset.version").asInt()).isEqualTo(2);
        JsonNode read = read(id);
        assertThat(read.path("title").asString()).isEqualTo("Harbour crane at night");
        assertThat(read.path("licence").path("id").asString()).isEqualTo("CC0-1.0");
        assertThat(read.path("crops").isEmpty()).isTrue();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = create("Gull on a bollard");
        editor().document("media/updateAsset", Map.of("id", id, "expectedVersion", 1, "input", input("First edit", "CC-BY-4.0")));

        Response stale = editor().document("media/updateAsset", Map.of("id", id, "expectedVersion", 1,
                "input", input("Lost edit", "CC-BY-4.0")));

        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.errors().path(0).path("extensions").path("currentVersion").asInt()).isEqualTo(2);
        assertThat(read(id).path("title").asString()).isEqualTo("First edit");
        assertThat(read(id).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void updatingAnAssetThatDoesNotExistIsNotFound() {
        Response missing = editor().document("media/updateAsset", Map.of("id", "no-such-asset", "expectedVersion", 1,
                "input", input("x", "CC-BY-4.0")));

        assertThat(missing.firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void badInputIsRefusedWithTheFieldPathAndNothingIsWritten() {
        long before = assetCount();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("input.licenceId", with("licenceId", "CC-BY-99"));
        cases.put("input.url", with("url", "javascript:alert(1)"));
        cases.put("input.width", with("width", 0));
        cases.put("input.title", with("title", "x".repeat(301)));
        cases.put("input.creator.url", with("creator", Map.of("name", "Sam", "url", "data:text/html,hi")));
        cases.put("input.crops[1]", with("crops", List.of(crop("wide", 0, 0, 100, 100), crop("tall", 1900, 0, 200, 100))));
        cases.put("input.crops[1].name", with("crops", List.of(crop("wide", 0, 0, 100, 100), crop("wide", 0, 0, 50, 50))));
        cases.put("input.crops", with("crops", java.util.Collections.nCopies(21, crop("c", 0, 0, 1, 1))));

        cases.forEach((field, input) -> {
            Response refused = editor().document("media/createAsset", Map.of("input", input));
            assertThat(refused.firstErrorCode()).as(field).isEqualTo("VALIDATION");
            assertThat(refused.errors().path(0).path("extensions").path("field").asString()).as(refused.body().toString())
                    .isEqualTo(field);
            assertThat(refused.body().toString()).doesNotContain("java.").doesNotContain("dev.broadsheet");
        });
        assertThat(assetCount()).isEqualTo(before);
    }

    @Test
    void anInvalidUpdateLeavesTheAssetAsItWas() {
        String id = create("Rope coil");

        Response refused = editor().document("media/updateAsset", Map.of("id", id, "expectedVersion", 1,
                "input", with("height", -5)));

        assertThat(refused.errors().path(0).path("extensions").path("field").asString()).isEqualTo("input.height");
        assertThat(read(id).path("version").asInt()).isEqualTo(1);
        assertThat(read(id).path("height").asInt()).isEqualTo(1200);
    }

    @Test
    void onlyEditorsAndAdminsMayCreateOrUpdateAssets() {
        String id = create("Lighthouse");
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = assetCount();
            Response create = Tokens.client(port, role).document("media/createAsset", Map.of("input", input("Sneaky", "CC-BY-4.0")));
            Response update = Tokens.client(port, role).document("media/updateAsset", Map.of("id", id, "expectedVersion", 1,
                    "input", input("Defaced", "CC-BY-4.0")));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(create.firstErrorCode()).as("create as " + role).isEqualTo(expected);
            assertThat(update.firstErrorCode()).as("update as " + role).isEqualTo(expected);
            assertThat(assetCount()).isEqualTo(before);
            assertThat(read(id).path("title").asString()).isEqualTo("Lighthouse");
            assertThat(read(id).path("version").asInt()).isEqualTo(1);
        }
        long version = 1;
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            Response created = Tokens.client(port, role).document("media/createAsset", Map.of("input", input("By " + role, "CC-BY-4.0")));
            Response updated = Tokens.client(port, role).document("media/updateAsset", Map.of("id", id, "expectedVersion", version,
                    "input", input("Lighthouse, edited by " + role, "CC-BY-4.0")));
            assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
            assertThat(updated.hasErrors()).as(updated.body().toString()).isFalse();
            version++;
        }
        assertThat(read(id).path("title").asString()).isEqualTo("Lighthouse, edited by ADMIN");
    }

    @Test
    void everyAssetMutationLeavesAnAuditEntryWithTheVersionItLeft() {
        String id = create("Net loft");
        editor().document("media/updateAsset", Map.of("id", id, "expectedVersion", 1, "input", input("Net loft, inside", "CC-BY-4.0")));

        Response log = Tokens.client(port, Tokens.Role.ADMIN).query("query($id: ID) { auditLog(entityId: $id) "
                + "{ edges { node { action entityType version actorRole } } } }", Map.of("id", id));

        JsonNode edges = log.data("auditLog.edges");
        assertThat(edges.findValuesAsString("action")).containsExactly("updateMediaAsset", "createMediaAsset");
        assertThat(edges.path(0).path("node").path("version").asInt()).isEqualTo(2);
        assertThat(edges.path(1).path("node").path("entityType").asString()).isEqualTo("mediaAsset");
        assertThat(edges.path(1).path("node").path("actorRole").asString()).isEqualTo("EDITOR");
    }

    @Test
    void theLicencesQueryListsEveryKnownLicence() {
        Response response = GraphQlHttp.at(port).document("media/licences", Map.of());

        List<String> ids = response.data("licences").findValuesAsString("id");
        assertThat(ids).contains("CC-BY-SA-4.0", "CC0-1.0", "ALL-RIGHTS-RESERVED", "AGENCY").hasSize(Licences.all().size());
    }

    private String create(String title) {
        Response created = editor().document("media/createAsset", Map.of("input", input(title, "CC-BY-4.0")));
        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        return created.data("createMediaAsset.id").asString();
    }

    private JsonNode read(String id) {
        return GraphQlHttp.at(port).document("media/asset", Map.of("id", id)).data("mediaAsset");
    }

    private long assetCount() {
        return database.getCollection("media_assets").countDocuments(new Document());
    }

    private GraphQlHttp editor() {
        return Tokens.client(port, Tokens.Role.EDITOR);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> input = input("Valid title", "CC-BY-4.0");
        input.put(field, value);
        return input;
    }

    private static Map<String, Object> input(String title, String licenceId) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("url", "https://media.tidewater.example/2026/12/photo.jpg");
        input.put("width", 1800);
        input.put("height", 1200);
        input.put("creator", Map.of("name", "Sam Reed"));
        input.put("source", Map.of("name", "Wikimedia Commons", "url", "https://commons.wikimedia.org/"));
        input.put("licenceId", licenceId);
        input.put("crops", new ArrayList<>(List.of(crop("wide", 100, 100, 1600, 900))));
        return input;
    }

    private static Map<String, Object> crop(String name, int x, int y, int width, int height) {
        return Map.of("name", name, "x", x, "y", y, "width", width, "height", height);
    }
}
