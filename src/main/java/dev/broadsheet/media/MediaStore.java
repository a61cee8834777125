package dev.broadsheet.media;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;

@Repository
class MediaStore {

    static final String COLLECTION = "media_assets";

    private final MongoCollection<MediaAsset> assets;
    private final StampedWrites writes;
    private final VersionedUpdate versioned;

    MediaStore(MongoDatabase database, StampedWrites writes, VersionedUpdate versioned) {
        this.assets = Codecs.collection(database, COLLECTION, MediaAsset.class);
        this.writes = writes;
        this.versioned = versioned;
    }

    Optional<MediaAsset> findById(String id) {
        return ById.find(assets, id);
    }

    Map<String, MediaAsset> findByIds(Collection<String> ids) {
        return ById.findAll(assets, ids, MediaAsset::id);
    }

    void insert(MediaAsset asset) {
        writes.insert(assets, asset.id(), asset);
    }

    /** Replaces the editable fields if the asset is still at {@code expectedVersion}. */
    MediaAsset update(MediaAsset asset, long expectedVersion) {
        return versioned.apply(assets, asset.id(), expectedVersion, Codecs.setAll(assets, asset, Set.of("version")));
    }

    void save(MediaAsset asset) {
        writes.upsert(assets, asset.id(), asset);
    }
}
