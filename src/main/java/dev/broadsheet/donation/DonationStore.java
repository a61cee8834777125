package dev.broadsheet.donation;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.VersionedUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class DonationStore {

    private static final String COLLECTION = "donation_blocks";

    private final MongoCollection<Document> blocks;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final VersionedUpdate versioned;

    DonationStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, VersionedUpdate versioned) {
        this.changes = changes;
        this.versioned = versioned;
        this.blocks = database.getCollection(COLLECTION);
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

    Optional<DonationBlock> findById(String id) {
        return Optional.ofNullable(blocks.find(eq("_id", id)).first()).map(DonationStore::fromDocument);
    }

    /** Up to {@code limit} blocks in id order after {@code afterId}, optionally of one status. */
    List<DonationBlock> page(DonationBlock.Status status, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        if (afterId != null) {
            filters.add(gt("_id", afterId));
        }
        List<DonationBlock> page = new ArrayList<>();
        blocks.find(filters.isEmpty() ? new Document() : and(filters)).sort(new Document("_id", 1)).limit(limit)
                .forEach(doc -> page.add(fromDocument(doc)));
        return page;
    }

    void insert(DonationBlock block) {
        long seq = sequence.next();
        blocks.insertOne(toDocument(block).append("seq", seq));
        changes.written(COLLECTION, block.id(), seq);
    }

    /** Replaces wording and rules (not the status) if the block is still at {@code expectedVersion}. */
    DonationBlock update(DonationBlock block, long expectedVersion) {
        List<Bson> sets = new ArrayList<>();
        toDocument(block).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("version") && !field.equals("status")) {
                sets.add(Updates.set(field, value));
            }
        });
        return fromDocument(versioned.apply(blocks, block.id(), expectedVersion, sets));
    }

    DonationBlock setStatus(String id, long expectedVersion, DonationBlock.Status status) {
        return fromDocument(versioned.apply(blocks, id, expectedVersion, List.of(Updates.set("status", status.name()))));
    }

    void save(DonationBlock block) {
        long seq = sequence.next();
        blocks.replaceOne(eq("_id", block.id()), toDocument(block).append("seq", seq), new ReplaceOptions().upsert(true));
        changes.written(COLLECTION, block.id(), seq);
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
                        p.position().name()).append("paragraph", p.paragraph()).append("block", p.block())).toList())
                .append("sections", block.sections())
                .append("tags", block.tags())
                .append("activeFrom", date(block.activeFrom()))
                .append("activeUntil", date(block.activeUntil()))
                .append("status", block.status().name())
                .append("version", block.version())
                .append("kind", block.kind().name())
                .append("priority", block.priority());
    }

    private static DonationBlock fromDocument(Document doc) {
        return new DonationBlock(doc.getString("_id"), doc.getString("name"), doc.getString("heading"),
                doc.getString("body"), cta(doc.get("callToAction", Document.class)),
                doc.getList("variants", Document.class, List.of()).stream().map(v -> new DonationBlock.Variant(
                        v.getString("key"), v.getString("heading"), v.getString("body"),
                        cta(v.get("callToAction", Document.class)))).toList(),
                doc.getList("placements", Document.class, List.of()).stream().map(p -> new DonationBlock.Placement(
                        DonationBlock.Placement.Position.valueOf(p.getString("position")),
                        p.getInteger("paragraph"), p.getInteger("block"))).toList(),
                doc.getList("sections", String.class, List.of()),
                doc.getList("tags", String.class, List.of()),
                instant(doc.getDate("activeFrom")), instant(doc.getDate("activeUntil")),
                DonationBlock.Status.valueOf(doc.getString("status")),
                ((Number) doc.get("version", 1L)).longValue(),
                doc.getString("kind") == null ? DonationBlock.Kind.DONATION : DonationBlock.Kind.valueOf(doc.getString("kind")),
                doc.getInteger("priority", 0));
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
