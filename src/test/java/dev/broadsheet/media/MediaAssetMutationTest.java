package dev.broadsheet.media;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Editors create and update media assets; through Spring's HttpGraphQlTester with the media documents. */
@ApiTest
class MediaAssetMutationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void anEditorAddsAnAssetThatAnyoneCanThenReadWithItsAttribution() {
        GraphQlTester.Response created = createAs(editor(), input("Ferry at dawn", "CC-BY-SA-4.0"));

        created.path("createMediaAsset.version").entity(Integer.class).isEqualTo(1);
        created.path("createMediaAsset.crops[0].name").entity(String.class).isEqualTo("wide");
        GraphQlTester.Response read = read(created.path("createMediaAsset.id").entity(String.class).get());
        read.path("mediaAsset.attribution").entity(String.class).isEqualTo("“Ferry at dawn” by Sam Reed via Wikimedia "
                + "Commons, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        read.path("mediaAsset.crops[0].width").entity(Integer.class).isEqualTo(1600);
    }

    @Test
    void anUpdateNamingTheCurrentVersionReplacesTheFieldsAndBumpsTheVersion() {
        String id = create("Harbour crane");
        Map<String, Object> changed = input("Harbour crane at night", "CC0-1.0");
        changed.put("crops", List.of());

        updateAs(editor(), id, 1, changed).path("updateMediaAsset.version").entity(Integer.class).isEqualTo(2);

        GraphQlTester.Response read = read(id);
        read.path("mediaAsset.title").entity(String.class).isEqualTo("Harbour crane at night");
        read.path("mediaAsset.licence.id").entity(String.class).isEqualTo("CC0-1.0");
        read.path("mediaAsset.crops").entityList(Object.class).hasSize(0);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = create("Gull on a bollard");
        updateAs(editor(), id, 1, input("First edit", "CC-BY-4.0")).errors().verify();

        Map<String, Object> stale = firstError(updateAs(editor(), id, 1, input("Lost edit", "CC-BY-4.0")));

        assertThat(stale).containsEntry("code", "VERSION_CONFLICT").containsEntry("currentVersion", 2);
        read(id).path("mediaAsset.title").entity(String.class).isEqualTo("First edit");
        read(id).path("mediaAsset.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void updatingAnAssetThatDoesNotExistIsNotFound() {
        assertThat(firstError(updateAs(editor(), "no-such-asset", 1, input("x", "CC-BY-4.0"))))
                .containsEntry("code", "NOT_FOUND");
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
        cases.put("input.crops", with("crops", Collections.nCopies(21, crop("c", 0, 0, 1, 1))));

        cases.forEach((field, input) -> {
            Map<String, Object> refused = firstError(createAs(editor(), input));
            assertThat(refused).as(field).containsEntry("code", "VALIDATION").containsEntry("field", field);
            assertThat(refused.toString()).doesNotContain("java.").doesNotContain("dev.broadsheet");
        });
        assertThat(assetCount()).isEqualTo(before);
    }

    @Test
    void anInvalidUpdateLeavesTheAssetAsItWas() {
        String id = create("Rope coil");

        assertThat(firstError(updateAs(editor(), id, 1, with("height", -5)))).containsEntry("field", "input.height");

        read(id).path("mediaAsset.version").entity(Integer.class).isEqualTo(1);
        read(id).path("mediaAsset.height").entity(Integer.class).isEqualTo(1200);
    }

    @Test
    void onlyEditorsAndAdminsMayCreateOrUpdateAssets() {
        String id = create("Lighthouse");
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = assetCount();
            HttpGraphQlTester caller = role == null ? Testers.anonymous(port) : Testers.as(port, role);
            Map<String, Object> create = firstError(createAs(caller, input("Sneaky", "CC-BY-4.0")));
            Map<String, Object> update = firstError(updateAs(caller, id, 1, input("Defaced", "CC-BY-4.0")));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(create.get("code")).as("create as " + role).isEqualTo(expected);
            assertThat(update.get("code")).as("update as " + role).isEqualTo(expected);
            assertThat(assetCount()).isEqualTo(before);
            read(id).path("mediaAsset.title").entity(String.class).isEqualTo("Lighthouse");
            read(id).path("mediaAsset.version").entity(Integer.class).isEqualTo(1);
        }
        long version = 1;
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            HttpGraphQlTester caller = Testers.as(port, role);
            createAs(caller, input("By " + role, "CC-BY-4.0")).errors().verify();
            updateAs(caller, id, version, input("Lighthouse, edited by " + role, "CC-BY-4.0")).errors().verify();
            version++;
        }
        read(id).path("mediaAsset.title").entity(String.class).isEqualTo("Lighthouse, edited by ADMIN");
    }

    @Test
    void everyAssetMutationLeavesAnAuditEntryWithTheVersionItLeft() {
        String id = create("Net loft");
        updateAs(editor(), id, 1, input("Net loft, inside", "CC-BY-4.0")).errors().verify();

        GraphQlTester.Response log = Testers.as(port, Tokens.Role.ADMIN).document("query($id: ID) { auditLog(entityId: $id) "
                + "{ edges { node { action entityType version actorRole } } } }").variable("id", id).execute();

        log.path("auditLog.edges[*].node.action").entityList(String.class)
                .containsExactly("updateMediaAsset", "createMediaAsset");
        log.path("auditLog.edges[0].node.version").entity(Integer.class).isEqualTo(2);
        log.path("auditLog.edges[1].node.entityType").entity(String.class).isEqualTo("mediaAsset");
        log.path("auditLog.edges[1].node.actorRole").entity(String.class).isEqualTo("EDITOR");
    }

    @Test
    void theLicencesQueryListsEveryKnownLicence() {
        List<String> ids = Testers.anonymous(port).documentName("media/licences").execute()
                .path("licences[*].id").entityList(String.class).get();

        assertThat(ids).contains("CC-BY-SA-4.0", "CC0-1.0", "ALL-RIGHTS-RESERVED", "AGENCY").hasSize(Licences.all().size());
    }

    private String create(String title) {
        return createAs(editor(), input(title, "CC-BY-4.0")).path("createMediaAsset.id").entity(String.class).get();
    }

    private static GraphQlTester.Response createAs(HttpGraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("media/createAsset").variable("input", input).execute();
    }

    private static GraphQlTester.Response updateAs(HttpGraphQlTester caller, String id, long expectedVersion,
            Map<String, Object> input) {
        return caller.documentName("media/updateAsset").variable("id", id).variable("expectedVersion", expectedVersion)
                .variable("input", input).execute();
    }

    private GraphQlTester.Response read(String id) {
        return Testers.anonymous(port).documentName("media/asset").variable("id", id).execute();
    }

    private long assetCount() {
        return database.getCollection("media_assets").countDocuments(new Document());
    }

    private HttpGraphQlTester editor() {
        return Testers.as(port, Tokens.Role.EDITOR);
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
