package dev.broadsheet.embed;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Embedded posts as the admin UI registers them; articles keep a copy of the snapshot in their body. */
@Repository
class EmbedStore {

    private final MongoCollection<Document> embeds;

    EmbedStore(MongoDatabase database) {
        this.embeds = database.getCollection("embedded_posts");
    }

    Optional<EmbeddedPost> findSnapshot(String id) {
        return Optional.ofNullable(embeds.find(eq("_id", id)).first())
                .map(doc -> EmbedDocuments.post(doc.get("snapshot", Document.class)));
    }
}
