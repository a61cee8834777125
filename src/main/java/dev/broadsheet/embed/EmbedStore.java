package dev.broadsheet.embed;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Embedded posts as the admin UI registers them; articles keep a copy of the snapshot in their body. */
@Repository
class EmbedStore {

    static final String COLLECTION = "embedded_posts";

    /** Just the snapshot, for copying into an article body. */
    public record Snapshot(EmbeddedPost snapshot) {
    }

    private final MongoCollection<Embed> embeds;
    private final StampedWrites writes;
    private final VersionedUpdate versioned;

    EmbedStore(MongoDatabase database, StampedWrites writes, VersionedUpdate versioned) {
        this.embeds = Codecs.collection(database, COLLECTION, Embed.class);
        this.writes = writes;
        this.versioned = versioned;
    }

    Optional<EmbeddedPost> findSnapshot(String id) {
        return Optional.ofNullable(embeds.withDocumentClass(Snapshot.class).find(eq("_id", id))
                .projection(Projections.include("snapshot")).first()).map(Snapshot::snapshot);
    }

    Optional<Embed> findById(String id) {
        return ById.find(embeds, id);
    }

    void insert(Embed embed) {
        writes.insert(embeds, embed.id(), embed);
    }

    Embed update(String id, long expectedVersion, EmbeddedPost snapshot, Embed.Fetch lastFetch) {
        return versioned.apply(embeds, id, expectedVersion, List.of(
                Updates.set("snapshot", snapshot), Updates.set("lastFetch", lastFetch)));
    }
}
