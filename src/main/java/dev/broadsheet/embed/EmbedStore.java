package dev.broadsheet.embed;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.VersionedUpdate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Embedded posts as the admin UI registers them; articles keep a copy of the snapshot in their body. */
@Repository
class EmbedStore {

    private static final String COLLECTION = "embedded_posts";

    private final MongoCollection<Document> embeds;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final VersionedUpdate versioned;

    EmbedStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, VersionedUpdate versioned) {
        this.embeds = database.getCollection(COLLECTION);
        this.sequence = sequence;
        this.changes = changes;
        this.versioned = versioned;
    }

    Optional<EmbeddedPost> findSnapshot(String id) {
        return Optional.ofNullable(embeds.find(eq("_id", id)).first())
                .map(doc -> EmbedDocuments.post(doc.get("snapshot", Document.class)));
    }

    Optional<Embed> findById(String id) {
        return Optional.ofNullable(embeds.find(eq("_id", id)).first()).map(EmbedStore::fromDocument);
    }

    void insert(Embed embed) {
        long seq = sequence.next();
        embeds.insertOne(new Document("_id", embed.id())
                .append("url", embed.url())
                .append("provider", embed.provider().name())
                .append("snapshot", EmbedDocuments.post(embed.snapshot()))
                .append("lastFetch", fetch(embed.lastFetch()))
                .append("createdAt", Date.from(embed.createdAt()))
                .append("createdBy", embed.createdBy())
                .append("version", embed.version())
                .append("seq", seq));
        changes.written(COLLECTION, embed.id(), seq);
    }

    Embed update(String id, long expectedVersion, EmbeddedPost snapshot, Embed.Fetch lastFetch) {
        return fromDocument(versioned.apply(embeds, id, expectedVersion, List.of(
                Updates.set("snapshot", EmbedDocuments.post(snapshot)), Updates.set("lastFetch", fetch(lastFetch)))));
    }

    private static Embed fromDocument(Document doc) {
        Document fetch = doc.get("lastFetch", Document.class);
        return new Embed(doc.getString("_id"), doc.getString("url"),
                EmbeddedPost.Provider.valueOf(doc.getString("provider")),
                EmbedDocuments.post(doc.get("snapshot", Document.class)),
                fetch == null ? null : new Embed.Fetch(fetch.getDate("at").toInstant(), fetch.getBoolean("succeeded", false),
                        fetch.getString("error")),
                instant(doc.getDate("createdAt")), doc.getString("createdBy"),
                ((Number) doc.get("version", 1L)).longValue());
    }

    private static Document fetch(Embed.Fetch fetch) {
        return fetch == null ? null : new Document("at", Date.from(fetch.at())).append("succeeded", fetch.succeeded())
                .append("error", fetch.error());
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
