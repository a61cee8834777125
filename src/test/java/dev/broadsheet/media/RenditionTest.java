package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Renditions over HTTP: size and format as asked, crops around the focal point, the cache, the limits. The
 * images are plain HTTP ({@link MediaHttp}: status, headers, bytes); the asset and article edits and the
 * renditions an article lists go through Spring's HttpGraphQlTester.
 */
@ApiTest
class RenditionTest {

    @LocalServerPort
    int port;

    @Test
    void aRenditionHasTheRequestedSizeAndFormat() {
        String id = upload(TestImages.jpeg(1600, 1000, 11));

        HttpResponse<byte[]> jpg = MediaHttp.get(port, "/media/" + id + "/full.jpg?w=400");
        HttpResponse<byte[]> png = MediaHttp.get(port, "/media/" + id + "/full.png?w=200&h=200");
        HttpResponse<byte[]> webp = MediaHttp.get(port, "/media/" + id + "/full.webp?w=320");
        HttpResponse<byte[]> fill = MediaHttp.get(port, "/media/" + id + "/full.jpg?w=300&h=300&fit=fill");

        assertImage(jpg, "image/jpeg", 400, 250);
        assertImage(png, "image/png", 200, 200);
        assertImage(webp, "image/webp", 320, 200);
        assertImage(fill, "image/jpeg", 300, 300);
        assertThat(new String(webp.body(), 0, 12, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("RIFF").endsWith("WEBP");
        BufferedImage padded = TestImages.decode(fill.body());
        assertThat(new Color(padded.getRGB(150, 2))).as("fill pads above the picture").isEqualTo(Color.WHITE);
    }

    @Test
    void theFocalPointStaysInsideADerivedCrop() {
        String id = upload(TestImages.encode(wideWithRedSpotAt(1400, 200), "png"));

        BufferedImage centred = TestImages.decode(MediaHttp.get(port, "/media/" + id + "/full.png?w=200&h=200").body());
        update(id, Map.of("file", fileOf(id), "licenceId", "CC-BY-4.0", "focalPoint", Map.of("x", 1400.0 / 1600, "y", 0.5)))
                .errors().verify();
        BufferedImage focused = TestImages.decode(MediaHttp.get(port, "/media/" + id + "/full.png?w=200&h=200&v=2").body());
        BufferedImage byParameter = TestImages.decode(MediaHttp.get(port, "/media/" + id
                + "/full.png?w=100&h=200&focus=0.875,0.5").body());

        assertThat(redPixels(centred)).as("a centred square crop misses the spot").isZero();
        assertThat(redPixels(focused)).as("the asset's focal point is kept").isPositive();
        assertThat(redPixels(byParameter)).as("focus= overrides for one request").isPositive();
    }

    @Test
    void theSecondRequestIsServedFromTheCache() {
        String id = upload(TestImages.jpeg(1200, 800, 12));
        String url = "/media/" + id + "/full.webp?w=600&v=1";

        HttpResponse<byte[]> first = MediaHttp.get(port, url);
        HttpResponse<byte[]> second = MediaHttp.get(port, url);

        assertThat(first.headers().firstValue("X-Rendition-Cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("X-Rendition-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void versionedUrlsAreImmutableAndOthersShortLived() {
        String id = upload(TestImages.jpeg(800, 600, 13));

        HttpResponse<byte[]> versioned = MediaHttp.get(port, "/media/" + id + "/full.jpg?w=200&v=1");
        HttpResponse<byte[]> plain = MediaHttp.get(port, "/media/" + id + "/full.jpg?w=200");

        assertThat(versioned.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable").contains("max-age=31536000");
        assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("immutable");
    }

    @Test
    void namedCropsAreRenditions() {
        String id = upload(TestImages.jpeg(1000, 800, 14));
        update(id, Map.of("file", fileOf(id), "licenceId", "CC0-1.0",
                "crops", List.of(Map.of("name", "wide", "x", 0, "y", 200, "width", 1000, "height", 500)))).errors().verify();

        assertImage(MediaHttp.get(port, "/media/" + id + "/wide.jpg?v=2"), "image/jpeg", 1000, 500);
        assertImage(MediaHttp.get(port, "/media/" + id + "/wide.jpg?w=500"), "image/jpeg", 500, 250);
    }

    @Test
    void oversizedAndUnknownRenditionsAreRefused() {
        String id = upload(TestImages.jpeg(400, 300, 15));

        assertError(MediaHttp.get(port, "/media/" + id + "/full.jpg?w=100000"), 400, "VALIDATION");
        assertError(MediaHttp.get(port, "/media/" + id + "/full.jpg?w=0"), 400, "VALIDATION");
        assertError(MediaHttp.get(port, "/media/" + id + "/full.jpg?fit=stretch&w=10&h=10"), 400, "VALIDATION");
        assertError(MediaHttp.get(port, "/media/" + id + "/full.jpg?crop=300,200,200,200"), 400, "VALIDATION");
        assertError(MediaHttp.get(port, "/media/" + id + "/no-such-crop.jpg"), 404, "NOT_FOUND");
        assertError(MediaHttp.get(port, "/media/" + id + "/full.gif"), 404, "NOT_FOUND");
        assertError(MediaHttp.get(port, "/media/no-such-asset/full.jpg"), 404, "NOT_FOUND");
        assertError(MediaHttp.get(port, "/media/sample-asset-picket/full.jpg"), 404, "NOT_FOUND");
    }

    @Test
    void imageUsagesListRenditionsAndASrcset() {
        String id = upload(TestImages.jpeg(1600, 1000, 16));
        HttpGraphQlTester editor = Testers.as(port, Tokens.Role.EDITOR);
        Map<String, Object> input = new HashMap<>();
        input.put("slug", "renditions-" + System.nanoTime());
        input.put("title", "Renditions");
        input.put("section", "culture");
        input.put("tags", List.of());
        input.put("featuredImage", Map.of("assetId", id, "crop", Map.of("x", 0, "y", 100, "width", 1600, "height", 800)));
        input.put("body", List.of(Map.of("paragraph", Map.of("text", "A paragraph."))));
        String articleId = editor.documentName("article/editing/create").variable("input", input).execute()
                .path("createArticle.id").entity(String.class).get();

        GraphQlTester.Response image = editor.documentName("article/featuredRenditions").variable("id", articleId)
                .variable("preview", true).variable("widths", List.of(400, 800, 3000)).variable("format", "WEBP")
                .variable("srcsetWidths", List.of(400, 800)).execute();
        GraphQlTester.Response hostedElsewhere = Testers.anonymous(port).documentName("article/featuredRenditions")
                .variable("slug", "dock-workers-walk-out-over-pay-freeze").execute();

        assertThat(image.path("article.featuredImage.renditions").entityList(Object.class).get())
                .as("none wider than the 1600 px crop").hasSize(2);
        image.path("article.featuredImage.renditions[0].url").entity(String.class)
                .isEqualTo("/media/" + id + "/full.webp?w=400&crop=0,100,1600,800&v=1");
        image.path("article.featuredImage.renditions[0].height").entity(Integer.class).isEqualTo(200);
        String second = image.path("article.featuredImage.renditions[1].url").entity(String.class).get();
        assertImage(MediaHttp.get(port, second), "image/webp", 800, 400);
        image.path("article.featuredImage.srcset").entity(String.class).isEqualTo("/media/" + id
                + "/full.jpg?w=400&crop=0,100,1600,800&v=1 400w, " + "/media/" + id + "/full.jpg?w=800&crop=0,100,1600,800&v=1 800w");
        hostedElsewhere.path("article.featuredImage.renditions").entityList(Object.class).hasSize(0);
        hostedElsewhere.path("article.featuredImage.srcset").valueIsNull();
    }

    private String upload(byte[] bytes) {
        MediaHttp.Upload upload = MediaHttp.upload(port, Tokens.forRole(port, Tokens.Role.EDITOR), bytes, "photo", "image/jpeg", Map.of());
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        return upload.body().path("id").asString();
    }

    private String fileOf(String assetId) {
        return Testers.anonymous(port).documentName("media/uploadedAsset").variable("id", assetId).execute()
                .path("mediaAsset.file.id").entity(String.class).get();
    }

    private GraphQlTester.Response update(String id, Map<String, Object> input) {
        return Testers.as(port, Tokens.Role.EDITOR).documentName("media/updateAsset").variable("id", id)
                .variable("expectedVersion", 1).variable("input", input).execute();
    }

    private static void assertImage(HttpResponse<byte[]> response, String contentType, int width, int height) {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(MediaHttp.json(response).path("errors").path(0).path("extensions").path("code").asString()).isEqualTo(code);
    }

    private static BufferedImage wideWithRedSpotAt(int x, int y) {
        BufferedImage image = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1600, 400);
        g.setColor(Color.RED);
        g.fillRect(x - 30, y - 30, 60, 60);
        g.dispose();
        return image;
    }

    private static int redPixels(BufferedImage image) {
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) {
                    red++;
                }
            }
        }
        return red;
    }
}
