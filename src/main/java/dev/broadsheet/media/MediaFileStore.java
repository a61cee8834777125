package dev.broadsheet.media;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.DuplicateKeyException;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Image files: the bytes in the GridFS bucket {@code media} ({@code media.files}, {@code media.chunks}),
 * and one {@code media_files} document per distinct SHA-256, written after the bytes, as the commit
 * point. A crash between the two leaves an unreferenced GridFS file, never a record without bytes.
 */
@Repository
class MediaFileStore {

    private final GridFSBucket bucket;
    private final MongoCollection<MediaFile> files;

    MediaFileStore(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, "media");
        this.files = Codecs.collection(database, "media_files", MediaFile.class);
    }

    Optional<MediaFile> find(String sha256) {
        return ById.find(files, sha256);
    }

    /** Stores the bytes unless a file with the same SHA-256 is stored already; returns the stored record. */
    MediaFile store(MediaFile file, byte[] bytes) {
        Optional<MediaFile> existing = find(file.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectId gridFsId = bucket.uploadFromStream(file.id(), new java.io.ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(new Document("contentType", file.contentType()).append("sha256", file.id())));
        MediaFile stored = new MediaFile(file.id(), gridFsId.toHexString(), file.contentType(), file.byteSize(),
                file.width(), file.height(), file.creator(), file.copyright());
        try {
            DuplicateKeyException.translate(() -> files.insertOne(stored));
            return stored;
        } catch (DuplicateKeyException e) {
            bucket.delete(gridFsId);
            return find(file.id()).orElseThrow();
        }
    }

    byte[] bytes(MediaFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(file.byteSize(), Integer.MAX_VALUE));
        bucket.downloadToStream(new ObjectId(file.gridFsId()), out);
        return out.toByteArray();
    }
}
