package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Media assets as the hand-written mapping before the record codecs stored them read back unchanged. */
@ApiTest
class MediaStoredFormatTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    MediaStore store;

    @Test
    void anAssetWrittenByTheOldMappingReadsBack() {
        String id = "legacy-asset-" + System.nanoTime();
        database.getCollection("media_assets").insertOne(new Document("_id", id)
                .append("title", "Ferry")
                .append("url", "https://example.org/ferry.jpg")
                .append("width", 1600)
                .append("height", 900)
                .append("creator", new Document("name", "Sam Reed").append("url", null))
                .append("source", null)
                .append("creditLine", null)
                .append("licenceId", "CC-BY-SA-4.0")
                .append("crops", List.of(new Document("name", "wide").append("x", 0).append("y", 0)
                        .append("width", 1600).append("height", 800)))
                .append("version", 2L)
                .append("seq", 9L));

        assertThat(store.findById(id)).contains(new MediaAsset(id, "Ferry", "https://example.org/ferry.jpg", 1600, 900,
                new Credit("Sam Reed", null), null, null, "CC-BY-SA-4.0", List.of(new NamedCrop("wide", 0, 0, 1600, 800)),
                2));
    }

    @Test
    void clearingAFieldByUpdateClearsItInTheStore() {
        String id = "codec-asset-" + System.nanoTime();
        MediaAsset asset = new MediaAsset(id, "Crane", "https://example.org/crane.jpg", 800, 600,
                new Credit("Sam Reed", null), new Credit("Wikimedia Commons", null), "Sam Reed/Commons", "CC0-1.0", 1);
        store.insert(asset);

        MediaAsset updated = store.update(new MediaAsset(id, "Crane", "https://example.org/crane.jpg", 800, 600,
                new Credit("Sam Reed", null), null, null, "CC0-1.0", 1), 1);

        assertThat(updated.source()).isNull();
        assertThat(updated.creditLine()).isNull();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(database.getCollection("media_assets").find(new Document("_id", id)).first().get("version"))
                .isEqualTo(2L);
    }

    @Test
    void anUploadedFileAndAFocalPointAreStoredWithTheAssetAndReadBack() {
        String id = "codec-upload-" + System.nanoTime();
        MediaFile file = new MediaFile("ab".repeat(32), "65f0c0ffee0000000000beef", "image/jpeg", 123_456L, 4000,
                3000, "Sam Reed", "© Sam Reed");
        MediaAsset asset = new MediaAsset(id, "Quay", "https://cms.example/media/" + id + "/file", 4000, 3000,
                new Credit("Sam Reed", null), null, null, "CC-BY-4.0", List.of(new NamedCrop("square", 500, 0, 3000, 3000)),
                1, List.of("partner-1"), file, new FocalPoint(0.25, 0.5));
        store.insert(asset);

        Document stored = database.getCollection("media_assets").find(new Document("_id", id)).first();

        assertThat(stored.get("file", Document.class)).containsEntry("_id", "ab".repeat(32))
                .containsEntry("byteSize", 123_456L).containsEntry("contentType", "image/jpeg");
        assertThat(stored.get("focalPoint", Document.class)).containsEntry("x", 0.25).containsEntry("y", 0.5);
        assertThat(store.findById(id)).contains(asset);
    }

    @Test
    void anAssetStoredBeforeUploadsHasNoFileAndNoFocalPoint() {
        String id = "legacy-hosted-" + System.nanoTime();
        database.getCollection("media_assets").insertOne(new Document("_id", id)
                .append("title", "Pier").append("url", "https://example.org/pier.jpg")
                .append("width", 1200).append("height", 800).append("licenceId", "CC0-1.0").append("version", 1L));

        MediaAsset read = store.findById(id).orElseThrow();

        assertThat(read.file()).isNull();
        assertThat(read.focalPoint()).isNull();
        assertThat(read.crops()).isEmpty();
    }
}
