package dev.broadsheet.media;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;

/**
 * Uploads over HTTP multipart, as the admin UI sends them, and the files they store in GridFS. Uploads and
 * file GETs are plain HTTP ({@link MediaHttp}: their statuses and bytes are the point); the assets they make are
 * read and created through Spring's HttpGraphQlTester.
 */
@ApiTest
class MediaUploadTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void aJpegRoundTripsThroughGridFsByteForByte() {
        byte[] jpeg = TestImages.jpeg(640, 480, 1);

        MediaHttp.Upload upload = upload(jpeg, "dock.jpg", "image/jpeg");

        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        JsonNode file = upload.body().path("file");
        assertThat(file.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(file.path("width").asInt()).isEqualTo(640);
        assertThat(file.path("height").asInt()).isEqualTo(480);
        assertThat(file.path("byteSize").asLong()).isEqualTo(jpeg.length);
        assertThat(file.path("sha256").asString()).isEqualTo(MediaUploads.sha256(jpeg));
        String id = upload.body().path("id").asString();
        HttpResponse<byte[]> served = MediaHttp.get(port, "/media/" + id + "/file");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.body()).isEqualTo(jpeg);
        GraphQlTester.Response asset = read(id);
        asset.path("mediaAsset.url").entity(String.class).isEqualTo("/media/" + id + "/file");
        asset.path("mediaAsset.width").entity(Integer.class).isEqualTo(640);
        asset.path("mediaAsset.licence.id").entity(String.class).isEqualTo("ALL-RIGHTS-RESERVED");
        asset.path("mediaAsset.file.byteSize").entity(Long.class).isEqualTo((long) jpeg.length);
    }

    @Test
    void aPngNamedJpgIsStoredAsPng() {
        byte[] png = TestImages.png(300, 200, 2);

        MediaHttp.Upload upload = upload(png, "holiday.jpg", "image/jpeg");

        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.body().path("file").path("contentType").asString()).isEqualTo("image/png");
        HttpResponse<byte[]> served = MediaHttp.get(port, "/media/" + upload.body().path("id").asString() + "/file");
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.body()).isEqualTo(png);
    }

    @Test
    void webpAndGifAreAcceptedAndRendered() {
        for (String format : List.of("webp", "gif")) {
            byte[] bytes = TestImages.encode(TestImages.picture(400, 300, 6), format);

            MediaHttp.Upload upload = upload(bytes, "picture.png", "image/png");

            assertThat(upload.status()).as(format + " " + upload.body()).isEqualTo(201);
            assertThat(upload.body().path("file").path("contentType").asString()).isEqualTo("image/" + format);
            assertThat(upload.body().path("file").path("width").asInt()).isEqualTo(400);
            HttpResponse<byte[]> rendition = MediaHttp.get(port, "/media/" + upload.body().path("id").asString() + "/full.jpg?w=200");
            assertThat(rendition.statusCode()).isEqualTo(200);
            assertThat(TestImages.decode(rendition.body()).getHeight()).isEqualTo(150);
        }
    }

    @Test
    void aDecompressionBombAndATruncatedFileAreRefusedAndNothingIsStored() {
        byte[] bomb = TestImages.pngBomb(20_000);
        byte[] jpeg = TestImages.jpeg(800, 600, 3);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length * 3 / 5);
        byte[] notAnImage = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes();
        Map<String, Long> before = counts();

        for (byte[] bad : List.of(bomb, truncated, notAnImage)) {
            MediaHttp.Upload refused = upload(bad, "bad.png", "image/png");

            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION");
            assertThat(refused.body().path("errors").path(0).path("extensions").path("field").asString()).isEqualTo("file");
            assertThat(refused.body().toString()).doesNotContain("Exception");
        }
        assertThat(bomb.length).as("a real bomb is small on the wire").isLessThan(2_000_000);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void exifGpsIsRemovedWhileCreatorAndCopyrightBecomeCreditDefaults() {
        byte[] photo = TestImages.jpegWithExif(1200, 800, "Maren Holt", "(c) 2026 Maren Holt, CC BY-SA 4.0");
        assertThat(TestImages.containsGpsMarker(photo)).as("the test file carries GPS").isTrue();

        MediaHttp.Upload upload = upload(photo, "gate.jpg", "image/jpeg");

        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        assertThat(upload.body().path("creditDefaults").path("creator").asString()).isEqualTo("Maren Holt");
        assertThat(upload.body().path("creditDefaults").path("copyright").asString()).isEqualTo("(c) 2026 Maren Holt, CC BY-SA 4.0");
        String id = upload.body().path("id").asString();
        byte[] stored = MediaHttp.get(port, "/media/" + id + "/file").body();
        assertThat(TestImages.containsGpsMarker(stored)).as("stored file").isFalse();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Maren Holt");
        assertThat(TestImages.decode(stored).getWidth()).isEqualTo(1200);
        for (String rendition : List.of("full.jpg?w=600", "full.png?w=300", "full.webp?w=400", "full.jpg")) {
            HttpResponse<byte[]> served = MediaHttp.get(port, "/media/" + id + "/" + rendition);
            assertThat(served.statusCode()).as(rendition).isEqualTo(200);
            assertThat(TestImages.containsGpsMarker(served.body())).as(rendition).isFalse();
            assertThat(new String(served.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).as(rendition)
                    .doesNotContain("Exif").doesNotContain("Maren Holt");
        }
        GraphQlTester.Response asset = read(id);
        asset.path("mediaAsset.creator.name").entity(String.class).isEqualTo("Maren Holt");
        asset.path("mediaAsset.creditLine").entity(String.class).isEqualTo("(c) 2026 Maren Holt, CC BY-SA 4.0");
    }

    @Test
    void theSameBytesUploadedTwiceAreStoredOnce() {
        byte[] jpeg = TestImages.jpeg(500, 300, 4);
        long files = database.getCollection("media.files").countDocuments();

        MediaHttp.Upload first = upload(jpeg, "a.jpg", "image/jpeg");
        MediaHttp.Upload second = upload(jpeg, "b.jpg", "image/jpeg");

        assertThat(first.body().path("id").asString()).isNotEqualTo(second.body().path("id").asString());
        assertThat(first.body().path("file").path("id").asString()).isEqualTo(second.body().path("file").path("id").asString());
        assertThat(database.getCollection("media.files").countDocuments()).isEqualTo(files + 1);
    }

    @Test
    void onlyEditorsUpload() {
        byte[] jpeg = TestImages.jpeg(100, 100, 5);
        Map<String, Long> before = counts();

        MediaHttp.Upload anonymous = MediaHttp.upload(port, null, jpeg, "a.jpg", "image/jpeg", Map.of());
        MediaHttp.Upload partner = MediaHttp.upload(port, Tokens.forRole(port, Tokens.Role.PARTNER), jpeg, "a.jpg",
                "image/jpeg", Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.code()).isEqualTo("FORBIDDEN");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void createMediaAssetCanNameAnUploadedFile() {
        MediaHttp.Upload upload = upload(TestImages.jpegWithExif(900, 600, "Joe Mensah", "Joe Mensah"), "x.jpg", "image/jpeg");
        String fileId = upload.body().path("file").path("id").asString();

        GraphQlTester.Response created = createAsset(Map.of("file", fileId, "licenceId", "CC-BY-4.0",
                "title", "Banner", "focalPoint", Map.of("x", 0.25, "y", 0.5)));
        GraphQlTester.Response unknown = createAsset(Map.of("file", "0".repeat(64), "licenceId", "CC-BY-4.0"));

        created.errors().verify();
        created.path("createMediaAsset.width").entity(Integer.class).isEqualTo(900);
        created.path("createMediaAsset.height").entity(Integer.class).isEqualTo(600);
        created.path("createMediaAsset.creator.name").entity(String.class).isEqualTo("Joe Mensah");
        created.path("createMediaAsset.file.id").entity(String.class).isEqualTo(fileId);
        created.path("createMediaAsset.focalPoint.x").entity(Double.class).isEqualTo(0.25);
        String id = created.path("createMediaAsset.id").entity(String.class).get();
        created.path("createMediaAsset.url").entity(String.class).isEqualTo("/media/" + id + "/file");
        assertThat(firstError(unknown)).containsEntry("code", "VALIDATION").containsEntry("field", "input.file");
    }

    private GraphQlTester.Response read(String id) {
        return Testers.anonymous(port).documentName("media/uploadedAsset").variable("id", id).execute();
    }

    private GraphQlTester.Response createAsset(Map<String, Object> input) {
        return Testers.as(port, Tokens.Role.EDITOR).documentName("media/createUploadedAsset").variable("input", input)
                .execute();
    }

    private MediaHttp.Upload upload(byte[] bytes, String name, String type) {
        return MediaHttp.upload(port, Tokens.forRole(port, Tokens.Role.EDITOR), bytes, name, type, Map.of());
    }

    private Map<String, Long> counts() {
        return Map.of("media.files", count("media.files"), "media.chunks", count("media.chunks"),
                "media_files", count("media_files"), "media_assets", count("media_assets"));
    }

    private long count(String collection) {
        return database.getCollection(collection).countDocuments(new Document());
    }
}
