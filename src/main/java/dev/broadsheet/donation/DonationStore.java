package dev.broadsheet.donation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

@Repository
class DonationStore {

    private final MongoCollection<Document> blocks;
    private final Sequence sequence;
    private final ChangeEvents changes;

    DonationStore(MongoDatabase database, Sequence sequence, ChangeEvents changes) {
        this.changes = changes;
        this.blocks = database.getCollection("donation_blocks");
        this.blocks.createIndex(new Document("status", 1));
        this.sequence = sequence;
    }

    List<DonationBlock> findActive() {
        List<DonationBlock> active = new ArrayList<>();
        for (Document doc : blocks.find(eq("status", DonationBlock.Status.ACTIVE.name())).sort(new Document("_id", 1))) {
            active.add(fromDocument(doc));
        }
        return active;
    }

    void save(DonationBlock block) {
        long seq = sequence.next();
        blocks.replaceOne(eq("_id", block.id()), toDocument(block).append("seq", seq), new ReplaceOptions().upsert(true));
        changes.written("donation_blocks", block.id(), seq);
    }

    private static Document toDocument(DonationBlock block) {
        return new Document("_id", block.id())
                .append("name", block.name())
                .append("heading", block.heading())
                .append("body", block.body())
                .append("callToAction", cta(block.callToAction()))
                .append("variants", block.variants().stream().map(v -> new Document("key", v.key())
                        .append("heading", v.heading()).append("body", v.body())
                        .append("callToAction", cta(v.callToAction()))).toList())
                .append("placements", block.placements().stream().map(p -> new Document("position",
                        p.position().name()).append("paragraph", p.paragraph())).toList())
                .append("sections", block.sections())
                .append("tags", block.tags())
                .append("activeFrom", date(block.activeFrom()))
                .append("activeUntil", date(block.activeUntil()))
                .append("status", block.status().name())
                .append("version", block.version());
    }

    private static DonationBlock fromDocument(Document doc) {
        return new DonationBlock(doc.getString("_id"), doc.getString("name"), doc.getString("heading"),
                doc.getString("body"), cta(doc.get("callToAction", Document.class)),
                doc.getList("variants", Document.class, List.of()).stream().map(v -> new DonationBlock.Variant(
                        v.getString("key"), v.getString("heading"), v.getString("body"),
                        cta(v.get("callToAction", Document.class)))).toList(),
                doc.getList("placements", Document.class, List.of()).stream().map(p -> new DonationBlock.Placement(
                        DonationBlock.Placement.Position.valueOf(p.getString("position")),
                        p.getInteger("paragraph"))).toList(),
                doc.getList("sections", String.class, List.of()),
                doc.getList("tags", String.class, List.of()),
                instant(doc.getDate("activeFrom")), instant(doc.getDate("activeUntil")),
                DonationBlock.Status.valueOf(doc.getString("status")),
                ((Number) doc.get("version", 1L)).longValue());
    }

    private static Document cta(DonationBlock.CallToAction cta) {
        return cta == null ? null : new Document("label", cta.label()).append("url", cta.url());
    }

    private static DonationBlock.CallToAction cta(Document doc) {
        return doc == null ? null : new DonationBlock.CallToAction(doc.getString("label"), doc.getString("url"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
