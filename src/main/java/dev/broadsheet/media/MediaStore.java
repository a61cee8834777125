package dev.broadsheet.media;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.VersionedUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class MediaStore {

    private static final String COLLECTION = "media_assets";

    private final MongoCollection<Document> assets;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final VersionedUpdate versioned;

    MediaStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, VersionedUpdate versioned) {
        this.assets = database.getCollection(COLLECTION);
        this.sequence = sequence;
        this.changes = changes;
        this.versioned = versioned;
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

    void insert(MediaAsset asset) {
        long seq = sequence.next();
        assets.insertOne(MediaDocuments.asset(asset).append("seq", seq));
        changes.written(COLLECTION, asset.id(), seq);
    }

    /** Replaces the editable fields if the asset is still at {@code expectedVersion}. */
    MediaAsset update(MediaAsset asset, long expectedVersion) {
        List<Bson> sets = new ArrayList<>();
        MediaDocuments.asset(asset).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("version")) {
                sets.add(Updates.set(field, value));
            }
        });
        return MediaDocuments.asset(versioned.apply(assets, asset.id(), expectedVersion, sets));
    }

    void save(MediaAsset asset) {
        long seq = sequence.next();
        assets.replaceOne(eq("_id", asset.id()), MediaDocuments.asset(asset).append("seq", seq),
                new ReplaceOptions().upsert(true));
        changes.written(COLLECTION, asset.id(), seq);
    }
}
