package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import dev.broadsheet.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Blocks made here are placed only in a section of their own, so they never reach the sample
 * articles other tests read; where they go is checked through {@link DonationService#placementsFor}.
 */
@ApiTest
class DonationBlockMutationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    DonationService donations;

    @Test
    void aNewBlockIsPlacedByItsRulesWithTheVariantOfTheReadersBucket() {
        String section = uniqueSection();
        Response created = editor().document("donation/createBlock", Map.of("input", input(section)));

        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        JsonNode block = created.data("createDonationBlock");
        String id = block.path("id").asString();
        assertThat(block.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(block.path("version").asInt()).isEqualTo(1);
        assertThat(block.path("placements").findValuesAsString("position")).containsExactly("START", "AFTER_PARAGRAPH");
        List<PlacedAppeal> placed = placed(id, section, List.of("budget"), 1);
        assertThat(placed).extracting(p -> p.placement().position().name()).containsExactly("START", "AFTER_PARAGRAPH");
        assertThat(placed.get(1).placement().paragraph()).isEqualTo(2);
        assertThat(placed.get(0).appeal().variant()).isEqualTo("b");
        assertThat(placed.get(0).appeal().heading()).isEqualTo("Heading B");
        assertThat(placed.get(0).appeal().body()).as("a variant without a body uses the block's").isEqualTo("Keep local news alive.");
        assertThat(placed(id, section, List.of("weather"), 1)).as("no matching tag").isEmpty();
        assertThat(placed(id, "elsewhere-" + section, List.of("budget"), 1)).as("other section").isEmpty();
    }

    @Test
    void anUpdateReplacesWordingAndRulesAndAStaleVersionChangesNothing() {
        String section = uniqueSection();
        String id = create(section);
        Map<String, Object> changed = input(section);
        changed.put("heading", "New heading");
        changed.put("placements", List.of(Map.of("position", "END")));

        Response updated = editor().document("donation/updateBlock", Map.of("id", id, "expectedVersion", 1, "input", changed));
        Response stale = editor().document("donation/updateBlock", Map.of("id", id, "expectedVersion", 1, "input", input(section)));
        Response staleArchive = editor().document("donation/archiveBlock", Map.of("id", id, "expectedVersion", 1));

        assertThat(updated.data("updateDonationBlock.version").asInt()).isEqualTo(2);
        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(staleArchive.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        JsonNode read = read(id);
        assertThat(read.path("heading").asString()).isEqualTo("New heading");
        assertThat(read.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.path("version").asInt()).isEqualTo(2);
        assertThat(placed(id, section, List.of("budget"), null))
                .extracting(p -> p.placement().position().name()).containsExactly("END");
    }

    @Test
    void archivingTakesTheBlockOutOfArticlesAndListsItAsArchived() {
        String section = uniqueSection();
        String id = create(section);

        Response archived = editor().document("donation/archiveBlock", Map.of("id", id, "expectedVersion", 1));

        assertThat(archived.data("archiveDonationBlock.status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.data("archiveDonationBlock.version").asInt()).isEqualTo(2);
        assertThat(placed(id, section, List.of("budget"), 0)).isEmpty();
        assertThat(allIds("ARCHIVED")).contains(id);
        assertThat(allIds("ACTIVE")).doesNotContain(id).contains("sample-donation-short");
    }

    @Test
    void anArchivedBlockCanBeReactivatedWithTheRulesItHad() {
        String section = uniqueSection();
        String id = create(section);
        editor().document("donation/archiveBlock", Map.of("id", id, "expectedVersion", 1));

        Response stale = editor().document("donation/reactivateBlock", Map.of("id", id, "expectedVersion", 1));
        Response reactivated = editor().document("donation/reactivateBlock", Map.of("id", id, "expectedVersion", 2));
        Response anonymous = GraphQlHttp.at(port).document("donation/reactivateBlock", Map.of("id", id, "expectedVersion", 3));

        assertThat(stale.firstErrorCode()).isEqualTo("VERSION_CONFLICT");
        assertThat(reactivated.data("reactivateDonationBlock.status").asString()).isEqualTo("ACTIVE");
        assertThat(reactivated.data("reactivateDonationBlock.version").asInt()).isEqualTo(3);
        assertThat(anonymous.firstErrorCode()).isIn("UNAUTHENTICATED", "FORBIDDEN");
        assertThat(placed(id, section, List.of("budget"), null))
                .extracting(p -> p.placement().position().name()).containsExactly("START", "AFTER_PARAGRAPH");
    }

    @Test
    void aOneLineAppealWithKindPriorityAndAfterBlockPlacementIsKept() {
        String section = uniqueSection();
        Map<String, Object> input = input(section);
        input.remove("body");
        input.put("kind", "AD_FREE");
        input.put("priority", 7);
        input.put("placements", List.of(Map.of("position", "AFTER_BLOCK", "block", 3)));

        Response created = editor().document("donation/createBlock", Map.of("input", input));

        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        String id = created.data("createDonationBlock.id").asString();
        JsonNode read = read(id);
        assertThat(read.path("body").isNull()).isTrue();
        assertThat(read.path("kind").asString()).isEqualTo("AD_FREE");
        assertThat(read.path("priority").asInt()).isEqualTo(7);
        assertThat(read.path("placements").path(0).path("block").asInt()).isEqualTo(3);
        List<PlacedAppeal> placed = placed(id, section, List.of("budget"), null);
        assertThat(placed).singleElement().satisfies(p -> {
            assertThat(p.priority()).isEqualTo(7);
            assertThat(p.appeal().kind()).isEqualTo(DonationBlock.Kind.AD_FREE);
        });
    }

    @Test
    void aBlockStoredBeforeKindsAndPrioritiesReadsAsADonationAtPriorityZero() {
        String id = "legacy-" + UUID.randomUUID();
        String section = uniqueSection();
        database.getCollection("donation_blocks").insertOne(new Document("_id", id).append("name", "Old")
                .append("heading", "Old heading").append("body", "Old body").append("variants", List.of())
                .append("placements", List.of(new Document("position", "AFTER_PARAGRAPH").append("paragraph", 2)))
                .append("sections", List.of(section)).append("tags", List.of()).append("status", "ARCHIVED")
                .append("version", 1L));

        JsonNode read = read(id);

        assertThat(read.path("kind").asString()).isEqualTo("DONATION");
        assertThat(read.path("priority").asInt()).isZero();
        assertThat(read.path("placements").path(0).path("paragraph").asInt()).isEqualTo(2);
        assertThat(read.path("placements").path(0).path("block").isNull()).isTrue();
        assertThat(editor().document("donation/reactivateBlock", Map.of("id", id, "expectedVersion", 1))
                .data("reactivateDonationBlock.status").asString()).isEqualTo("ACTIVE");
        assertThat(placed(id, section, List.of(), null)).extracting(p -> p.placement().paragraph()).containsExactly(2);
    }

    @Test
    void blocksArePagedWithCursors() {
        create(uniqueSection());
        create(uniqueSection());
        List<String> all = allIds(null);

        Response first = editor().document("donation/blocks", Map.of("first", 2));
        Response second = editor().document("donation/blocks", Map.of("first", 2, "after",
                first.data("donationBlocks.pageInfo.endCursor").asString()));

        assertThat(first.data("donationBlocks.pageInfo.hasNextPage").asBoolean()).isTrue();
        List<String> twoPages = new ArrayList<>(first.data("donationBlocks.edges").findValuesAsString("id"));
        twoPages.addAll(second.data("donationBlocks.edges").findValuesAsString("id"));
        assertThat(twoPages).containsExactlyElementsOf(all.subList(0, Math.min(4, all.size())));
        assertThat(editor().document("donation/blocks", Map.of("first", 101)).firstErrorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void badInputIsRefusedWithTheFieldPathAndNothingIsWritten() {
        long before = blockCount();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("input.variants[1].key", with("variants", List.of(Map.of("key", "a"), Map.of("key", "a"))));
        cases.put("input.variants[0].key", with("variants", List.of(Map.of("key", "has space"))));
        cases.put("input.variants", with("variants", Collections.nCopies(11, Map.of("key", "k"))));
        cases.put("input.placements[0].paragraph", with("placements", List.of(Map.of("position", "AFTER_PARAGRAPH"))));
        cases.put("input.placements[1].paragraph", with("placements", List.of(Map.of("position", "START"),
                Map.of("position", "AFTER_PARAGRAPH", "paragraph", 0))));
        cases.put("input.placements[0].paragraph ", with("placements", List.of(Map.of("position", "END", "paragraph", 3))));
        cases.put("input.placements[1]", with("placements", List.of(Map.of("position", "END"), Map.of("position", "END"))));
        cases.put("input.placements", with("placements", List.of()));
        cases.put("input.activeUntil", with("activeUntil", "2026-01-01T00:00:00Z"));
        cases.put("input.callToAction.url", with("callToAction", Map.of("label", "Give", "url", "javascript:alert(1)")));
        cases.put("input.variants[0].callToAction.url", with("variants", List.of(Map.of("key", "a",
                "callToAction", Map.of("label", "Give", "url", "ftp://example.org/")))));
        cases.put("input.heading", with("heading", "h".repeat(201)));
        cases.put("input.body", with("body", "b".repeat(5001)));
        cases.put("input.placements[0].block", with("placements", List.of(Map.of("position", "AFTER_BLOCK"))));
        cases.put("input.placements[0].block ", with("placements", List.of(Map.of("position", "START", "block", 2))));
        cases.put("input.priority", with("priority", 1001));
        cases.put("input.tags", with("tags", Collections.nCopies(51, "t")));
        cases.put("input.sections[0]", with("sections", List.of("s".repeat(61))));

        cases.forEach((field, input) -> {
            Response refused = editor().document("donation/createBlock", Map.of("input", input));
            assertThat(refused.firstErrorCode()).as(field + " " + refused.body()).isEqualTo("VALIDATION");
            assertThat(refused.errors().path(0).path("extensions").path("field").asString()).as(refused.body().toString())
                    .isEqualTo(field.strip());
        });
        assertThat(blockCount()).isEqualTo(before);
    }

    @Test
    void onlyEditorsAndAdminsManageOrListBlocks() {
        String id = create(uniqueSection());
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = blockCount();
            GraphQlHttp client = Tokens.client(port, role);
            List<Response> refused = List.of(
                    client.document("donation/createBlock", Map.of("input", input(uniqueSection()))),
                    client.document("donation/updateBlock", Map.of("id", id, "expectedVersion", 1, "input", input("x"))),
                    client.document("donation/archiveBlock", Map.of("id", id, "expectedVersion", 1)),
                    client.document("donation/blocks", Map.of()),
                    client.document("donation/block", Map.of("id", id)));

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            refused.forEach(response -> assertThat(response.firstErrorCode()).as(role + " " + response.body()).isEqualTo(expected));
            assertThat(blockCount()).isEqualTo(before);
            assertThat(read(id).path("version").asInt()).isEqualTo(1);
        }
        long version = 1;
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            GraphQlHttp client = Tokens.client(port, role);
            String section = uniqueSection();
            assertThat(client.document("donation/createBlock", Map.of("input", input(section))).hasErrors()).isFalse();
            assertThat(client.document("donation/updateBlock", Map.of("id", id, "expectedVersion", version,
                    "input", input(section))).hasErrors()).isFalse();
            assertThat(client.document("donation/blocks", Map.of()).hasErrors()).isFalse();
            version++;
        }
        Response archived = Tokens.client(port, Tokens.Role.ADMIN).document("donation/archiveBlock",
                Map.of("id", id, "expectedVersion", version));
        assertThat(archived.data("archiveDonationBlock.status").asString()).isEqualTo("ARCHIVED");
    }

    @Test
    void everyBlockMutationLeavesAnAuditEntry() {
        String id = create(uniqueSection());
        editor().document("donation/updateBlock", Map.of("id", id, "expectedVersion", 1, "input", input(uniqueSection())));
        editor().document("donation/archiveBlock", Map.of("id", id, "expectedVersion", 2));

        Response log = Tokens.client(port, Tokens.Role.ADMIN).query("query($id: ID) { auditLog(entityId: $id) "
                + "{ edges { node { action entityType version } } } }", Map.of("id", id));

        JsonNode edges = log.data("auditLog.edges");
        assertThat(edges.findValuesAsString("action"))
                .containsExactly("archiveDonationBlock", "updateDonationBlock", "createDonationBlock");
        assertThat(edges.findValuesAsString("entityType")).containsOnly("donationBlock");
        assertThat(edges.path(0).path("node").path("version").asInt()).isEqualTo(3);
    }

    /** Where the rules place block {@code id} (the sample blocks apply everywhere, so they are left out). */
    private List<PlacedAppeal> placed(String id, String section, List<String> tags, Integer bucket) {
        return donations.placementsFor(section, tags, bucket).stream().filter(p -> p.appeal().id().equals(id)).toList();
    }

    private String create(String section) {
        Response created = editor().document("donation/createBlock", Map.of("input", input(section)));
        assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
        return created.data("createDonationBlock.id").asString();
    }

    private JsonNode read(String id) {
        return editor().document("donation/block", Map.of("id", id)).data("donationBlock");
    }

    private List<String> allIds(String status) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("status", status);
        variables.put("first", 100);
        return editor().document("donation/blocks", variables).data("donationBlocks.edges").findValuesAsString("id");
    }

    private long blockCount() {
        return database.getCollection("donation_blocks").countDocuments(new Document());
    }

    private GraphQlHttp editor() {
        return Tokens.client(port, Tokens.Role.EDITOR);
    }

    private static String uniqueSection() {
        return "test-" + UUID.randomUUID();
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> input = input(uniqueSection());
        input.put(field, value);
        return input;
    }

    private static Map<String, Object> input(String section) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Budget appeal");
        input.put("heading", "Support our council reporting");
        input.put("body", "Keep local news alive.");
        input.put("callToAction", Map.of("label", "Give", "url", "https://tidewater.example/support"));
        input.put("variants", List.of(Map.of("key", "a", "heading", "Heading A"), Map.of("key", "b", "heading", "Heading B")));
        input.put("placements", List.of(Map.of("position", "START"), Map.of("position", "AFTER_PARAGRAPH", "paragraph", 2)));
        input.put("sections", List.of(section));
        input.put("tags", List.of("budget", "council"));
        input.put("activeFrom", "2026-06-01T00:00:00Z");
        return input;
    }
}
