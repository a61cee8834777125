package dev.broadsheet.donation;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Blocks made here are placed only in a section of their own, so they never reach the sample
 * articles other tests read; where they go is checked through {@link DonationService#placementsFor}.
 * Requests go through Spring's HttpGraphQlTester with the donation documents.
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
        GraphQlTester.Response created = createAs(editor(), input(section));

        String id = created.path("createDonationBlock.id").entity(String.class).get();
        created.path("createDonationBlock.status").entity(String.class).isEqualTo("ACTIVE");
        created.path("createDonationBlock.version").entity(Integer.class).isEqualTo(1);
        created.path("createDonationBlock.placements[*].position").entityList(String.class)
                .containsExactly("START", "AFTER_PARAGRAPH");
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

        updateAs(editor(), id, 1, changed).path("updateDonationBlock.version").entity(Integer.class).isEqualTo(2);
        assertThat(firstError(updateAs(editor(), id, 1, input(section)))).containsEntry("code", "VERSION_CONFLICT");
        assertThat(firstError(archiveAs(editor(), id, 1))).containsEntry("code", "VERSION_CONFLICT");

        GraphQlTester.Response read = read(id);
        read.path("donationBlock.heading").entity(String.class).isEqualTo("New heading");
        read.path("donationBlock.status").entity(String.class).isEqualTo("ACTIVE");
        read.path("donationBlock.version").entity(Integer.class).isEqualTo(2);
        assertThat(placed(id, section, List.of("budget"), null))
                .extracting(p -> p.placement().position().name()).containsExactly("END");
    }

    @Test
    void archivingTakesTheBlockOutOfArticlesAndListsItAsArchived() {
        String section = uniqueSection();
        String id = create(section);

        GraphQlTester.Response archived = archiveAs(editor(), id, 1);

        archived.path("archiveDonationBlock.status").entity(String.class).isEqualTo("ARCHIVED");
        archived.path("archiveDonationBlock.version").entity(Integer.class).isEqualTo(2);
        assertThat(placed(id, section, List.of("budget"), 0)).isEmpty();
        assertThat(allIds("ARCHIVED")).contains(id);
        assertThat(allIds("ACTIVE")).doesNotContain(id).contains("sample-donation-short");
    }

    @Test
    void anArchivedBlockCanBeReactivatedWithTheRulesItHad() {
        String section = uniqueSection();
        String id = create(section);
        archiveAs(editor(), id, 1).errors().verify();

        GraphQlTester.Response stale = reactivateAs(editor(), id, 1);
        GraphQlTester.Response reactivated = reactivateAs(editor(), id, 2);
        GraphQlTester.Response anonymous = reactivateAs(Testers.anonymous(port), id, 3);

        assertThat(firstError(stale)).containsEntry("code", "VERSION_CONFLICT");
        reactivated.path("reactivateDonationBlock.status").entity(String.class).isEqualTo("ACTIVE");
        reactivated.path("reactivateDonationBlock.version").entity(Integer.class).isEqualTo(3);
        assertThat(firstError(anonymous).get("code")).isIn("UNAUTHENTICATED", "FORBIDDEN");
        assertThat(firstError(reactivateAs(editor(), "no-such-block", 1))).containsEntry("code", "NOT_FOUND");
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

        String id = createAs(editor(), input).path("createDonationBlock.id").entity(String.class).get();
        GraphQlTester.Response read = read(id);

        read.path("donationBlock.body").valueIsNull();
        read.path("donationBlock.kind").entity(String.class).isEqualTo("AD_FREE");
        read.path("donationBlock.priority").entity(Integer.class).isEqualTo(7);
        read.path("donationBlock.placements[0].block").entity(Integer.class).isEqualTo(3);
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

        GraphQlTester.Response read = read(id);

        read.path("donationBlock.kind").entity(String.class).isEqualTo("DONATION");
        read.path("donationBlock.priority").entity(Integer.class).isEqualTo(0);
        read.path("donationBlock.placements[0].paragraph").entity(Integer.class).isEqualTo(2);
        read.path("donationBlock.placements[0].block").valueIsNull();
        reactivateAs(editor(), id, 1).path("reactivateDonationBlock.status").entity(String.class).isEqualTo("ACTIVE");
        assertThat(placed(id, section, List.of(), null)).extracting(p -> p.placement().paragraph()).containsExactly(2);
    }

    @Test
    void blocksArePagedWithCursors() {
        create(uniqueSection());
        create(uniqueSection());
        List<String> all = allIds(null);

        GraphQlTester.Response first = editor().documentName("donation/blocks").variable("first", 2).execute();
        GraphQlTester.Response second = editor().documentName("donation/blocks").variable("first", 2)
                .variable("after", first.path("donationBlocks.pageInfo.endCursor").entity(String.class).get()).execute();

        first.path("donationBlocks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        List<String> twoPages = new ArrayList<>(first.path("donationBlocks.edges[*].node.id").entityList(String.class).get());
        twoPages.addAll(second.path("donationBlocks.edges[*].node.id").entityList(String.class).get());
        assertThat(twoPages).containsExactlyElementsOf(all.subList(0, Math.min(4, all.size())));
        assertThat(firstError(editor().documentName("donation/blocks").variable("first", 101).execute()))
                .containsEntry("code", "VALIDATION");
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

        cases.forEach((field, input) -> assertThat(firstError(createAs(editor(), input))).as(field)
                .containsEntry("code", "VALIDATION").containsEntry("field", field.strip()));
        assertThat(blockCount()).isEqualTo(before);
    }

    @Test
    void onlyEditorsAndAdminsManageOrListBlocks() {
        String id = create(uniqueSection());
        for (Tokens.Role role : Arrays.asList(null, Tokens.Role.PARTNER)) {
            long before = blockCount();
            HttpGraphQlTester caller = role == null ? Testers.anonymous(port) : Testers.as(port, role);
            List<GraphQlTester.Response> refused = List.of(
                    createAs(caller, input(uniqueSection())),
                    updateAs(caller, id, 1, input("x")),
                    archiveAs(caller, id, 1),
                    caller.documentName("donation/blocks").execute(),
                    caller.documentName("donation/block").variable("id", id).execute());

            String expected = role == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            refused.forEach(response -> assertThat(firstError(response)).as(String.valueOf(role))
                    .containsEntry("code", expected));
            assertThat(blockCount()).isEqualTo(before);
            read(id).path("donationBlock.version").entity(Integer.class).isEqualTo(1);
        }
        long version = 1;
        for (Tokens.Role role : List.of(Tokens.Role.EDITOR, Tokens.Role.ADMIN)) {
            HttpGraphQlTester caller = Testers.as(port, role);
            String section = uniqueSection();
            createAs(caller, input(section)).errors().verify();
            updateAs(caller, id, version, input(section)).errors().verify();
            caller.documentName("donation/blocks").execute().errors().verify();
            version++;
        }
        archiveAs(Testers.as(port, Tokens.Role.ADMIN), id, version)
                .path("archiveDonationBlock.status").entity(String.class).isEqualTo("ARCHIVED");
    }

    @Test
    void everyBlockMutationLeavesAnAuditEntry() {
        String id = create(uniqueSection());
        updateAs(editor(), id, 1, input(uniqueSection())).errors().verify();
        archiveAs(editor(), id, 2).errors().verify();

        GraphQlTester.Response log = Testers.as(port, Tokens.Role.ADMIN).document("query($id: ID) { auditLog(entityId: $id) "
                + "{ edges { node { action entityType version } } } }").variable("id", id).execute();

        log.path("auditLog.edges[*].node.action").entityList(String.class)
                .containsExactly("archiveDonationBlock", "updateDonationBlock", "createDonationBlock");
        assertThat(log.path("auditLog.edges[*].node.entityType").entityList(String.class).get()).containsOnly("donationBlock");
        log.path("auditLog.edges[0].node.version").entity(Integer.class).isEqualTo(3);
    }

    /** Where the rules place block {@code id} (the sample blocks apply everywhere, so they are left out). */
    private List<PlacedAppeal> placed(String id, String section, List<String> tags, Integer bucket) {
        return donations.placementsFor(section, tags, bucket).stream().filter(p -> p.appeal().id().equals(id)).toList();
    }

    private String create(String section) {
        return createAs(editor(), input(section)).path("createDonationBlock.id").entity(String.class).get();
    }

    private static GraphQlTester.Response createAs(HttpGraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("donation/createBlock").variable("input", input).execute();
    }

    private static GraphQlTester.Response updateAs(HttpGraphQlTester caller, String id, long expectedVersion,
            Map<String, Object> input) {
        return caller.documentName("donation/updateBlock").variable("id", id).variable("expectedVersion", expectedVersion)
                .variable("input", input).execute();
    }

    private static GraphQlTester.Response archiveAs(HttpGraphQlTester caller, String id, long expectedVersion) {
        return caller.documentName("donation/archiveBlock").variable("id", id).variable("expectedVersion", expectedVersion)
                .execute();
    }

    private static GraphQlTester.Response reactivateAs(HttpGraphQlTester caller, String id, long expectedVersion) {
        return caller.documentName("donation/reactivateBlock").variable("id", id)
                .variable("expectedVersion", expectedVersion).execute();
    }

    private GraphQlTester.Response read(String id) {
        return editor().documentName("donation/block").variable("id", id).execute();
    }

    private List<String> allIds(String status) {
        return editor().documentName("donation/blocks").variable("status", status).variable("first", 100).execute()
                .path("donationBlocks.edges[*].node.id").entityList(String.class).get();
    }

    private long blockCount() {
        return database.getCollection("donation_blocks").countDocuments(new Document());
    }

    private HttpGraphQlTester editor() {
        return Testers.as(port, Tokens.Role.EDITOR);
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
