package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Donation blocks as the hand-written mapping before the record codecs stored them read back unchanged. */
@ApiTest
class DonationStoredFormatTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    DonationStore store;

    @Test
    void aBlockWrittenByTheOldMappingReadsBack() {
        String id = "legacy-block-" + System.nanoTime();
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        database.getCollection("donation_blocks").insertOne(new Document("_id", id)
                .append("name", "Spring appeal")
                .append("heading", "Support us")
                .append("body", "Go ad-free")
                .append("callToAction", new Document("label", "Give").append("url", "https://example.org/give"))
                .append("variants", List.of(new Document("key", "b").append("heading", null).append("body", "Please")
                        .append("callToAction", null)))
                .append("placements", List.of(new Document("position", "AFTER_PARAGRAPH").append("paragraph", 3),
                        new Document("position", "END").append("paragraph", null)))
                .append("sections", List.of("local"))
                .append("tags", List.of())
                .append("activeFrom", Date.from(from))
                .append("activeUntil", null)
                .append("status", "ARCHIVED")
                .append("version", 5L)
                .append("seq", 11L));

        assertThat(store.findById(id)).contains(new DonationBlock(id, "Spring appeal", "Support us", "Go ad-free",
                new DonationBlock.CallToAction("Give", "https://example.org/give"),
                List.of(new DonationBlock.Variant("b", null, "Please", null)),
                List.of(DonationBlock.Placement.afterParagraph(3), DonationBlock.Placement.atEnd()),
                List.of("local"), List.of(), from, null, DonationBlock.Status.ARCHIVED, 5));
        assertThat(store.page(DonationBlock.Status.ARCHIVED, null, 1000)).extracting(DonationBlock::id).contains(id);
    }

    @Test
    void kindPriorityAndAfterBlockPlacementsAreStoredByNameAndReadBack() {
        String id = "codec-block-" + System.nanoTime();
        DonationBlock block = new DonationBlock(id, "Membership", "Join us", null, null, List.of(),
                List.of(DonationBlock.Placement.afterBlock(4), DonationBlock.Placement.atStart()), List.of(id),
                List.of(), null, null, DonationBlock.Status.ARCHIVED, 1, DonationBlock.Kind.MEMBERSHIP, -3);
        store.insert(block);

        Document stored = database.getCollection("donation_blocks").find(new Document("_id", id)).first();

        assertThat(stored.getString("kind")).isEqualTo("MEMBERSHIP");
        assertThat(stored.get("priority")).isEqualTo(-3);
        assertThat(stored.getList("placements", Document.class).get(0)).containsEntry("position", "AFTER_BLOCK")
                .containsEntry("block", 4);
        assertThat(store.findById(id)).contains(block);
    }

    @Test
    void aBlockWithoutKindOrPriorityReadsAsADonationAtPriorityZero() {
        String id = "legacy-plain-" + System.nanoTime();
        database.getCollection("donation_blocks").insertOne(new Document("_id", id)
                .append("name", "Old").append("heading", "Old heading").append("variants", List.of())
                .append("placements", List.of(new Document("position", "START")))
                .append("sections", List.of(id)).append("tags", List.of())
                .append("status", "ARCHIVED").append("version", 1L));

        DonationBlock read = store.findById(id).orElseThrow();

        assertThat(read.kind()).isEqualTo(DonationBlock.Kind.DONATION);
        assertThat(read.priority()).isZero();
        assertThat(read.placements()).containsExactly(DonationBlock.Placement.atStart());
    }
}
