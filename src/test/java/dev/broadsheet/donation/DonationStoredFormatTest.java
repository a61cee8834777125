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
}
