package dev.broadsheet.media;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

@Repository
class MediaStore {

    private final MongoCollection<Document> assets;
    private final Sequence sequence;
    private final ChangeEvents changes;

    MediaStore(MongoDatabase database, Sequence sequence, ChangeEvents changes) {
        this.assets = database.getCollection("media_assets");
        this.sequence = sequence;
        this.changes = changes;
    }

    Optional<MediaAsset> findById(String id) {
        return Optional.ofNullable(assets.find(eq("_id", id)).first()).map(MediaDocuments::asset);
    }

    Map<String, MediaAsset> findByIds(Collection<String> ids) {
        Map<String, MediaAsset> found = new HashMap<>();
        for (Document doc : assets.find(in("_id", ids))) {
            MediaAsset asset = MediaDocuments.asset(doc);
            found.put(asset.id(), asset);
        }
        return found;
    }

    void save(MediaAsset asset) {
        long seq = sequence.next();
        assets.replaceOne(eq("_id", asset.id()), MediaDocuments.asset(asset).append("seq", seq),
                new ReplaceOptions().upsert(true));
        changes.written("media_assets", asset.id(), seq);
    }
}
