package dev.broadsheet.donation;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class DonationStore {

    static final String COLLECTION = "donation_blocks";

    private final MongoCollection<DonationBlock> blocks;
    private final StampedWrites writes;
    private final VersionedUpdate versioned;

    DonationStore(MongoDatabase database, StampedWrites writes, VersionedUpdate versioned) {
        this.blocks = Codecs.collection(database, COLLECTION, DonationBlock.class);
        this.writes = writes;
        this.versioned = versioned;
        this.blocks.createIndex(new Document("status", 1));
    }

    List<DonationBlock> findActive() {
        return blocks.find(eq("status", DonationBlock.Status.ACTIVE)).sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    Optional<DonationBlock> findById(String id) {
        return ById.find(blocks, id);
    }

    /** Up to {@code limit} blocks in id order after {@code afterId}, optionally of one status. */
    List<DonationBlock> page(DonationBlock.Status status, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(eq("status", status));
        }
        if (afterId != null) {
            filters.add(gt("_id", afterId));
        }
        return blocks.find(filters.isEmpty() ? new Document() : and(filters)).sort(new Document("_id", 1)).limit(limit)
                .into(new ArrayList<>());
    }

    void insert(DonationBlock block) {
        writes.insert(blocks, block.id(), block);
    }

    /** Replaces wording and rules (not the status) if the block is still at {@code expectedVersion}. */
    DonationBlock update(DonationBlock block, long expectedVersion) {
        return versioned.apply(blocks, block.id(), expectedVersion, Codecs.setAll(blocks, block, Set.of("version", "status")));
    }

    DonationBlock setStatus(String id, long expectedVersion, DonationBlock.Status status) {
        return versioned.apply(blocks, id, expectedVersion, List.of(Updates.set("status", status)));
    }

    void save(DonationBlock block) {
        writes.upsert(blocks, block.id(), block);
    }
}
