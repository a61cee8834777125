package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Image files over plain HTTP: uploads ({@code POST /media}, editors), the stored file, and
 * renditions. Errors answer in the GraphQL error shape with {@code extensions.code}.
 */
@RestController
class MediaHttpController {

    private static final Duration VERSIONED = Duration.ofDays(365);
    private static final Duration UNVERSIONED = Duration.ofMinutes(5);

    private final MediaService media;
    private final Renditions renditions;

    MediaHttpController(MediaService media, Renditions renditions) {
        this.media = media;
        this.renditions = renditions;
    }

    @PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String title, @RequestParam(required = false) String licenceId)
            throws IOException {
        MediaAsset asset = media.upload(file == null ? null : file.getBytes(), title, licenceId);
        MediaFile stored = asset.file();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", asset.id());
        body.put("url", asset.url());
        body.put("version", asset.version());
        body.put("file", Map.of("id", stored.id(), "sha256", stored.sha256(), "contentType", stored.contentType(),
                "byteSize", stored.byteSize(), "width", stored.width(), "height", stored.height()));
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("creator", stored.creator());
        defaults.put("copyright", stored.copyright());
        body.put("creditDefaults", defaults);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** The stored file itself (location data removed), as uploaded. */
    @GetMapping("/media/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        MediaAsset asset = uploaded(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(asset.file().contentType()))
                .cacheControl(CacheControl.maxAge(UNVERSIONED).cachePublic())
                .eTag("\"" + asset.file().sha256() + "\"")
                .body(media.fileBytes(asset.file()));
    }

    /** {@code /media/{id}/{full|crop name}.{jpg|png|webp}?w=&h=&fit=crop|fill&focus=x,y&crop=x,y,w,h&v=version} */
    @GetMapping("/media/{id}/{rendition:.+\\..+}")
    ResponseEntity<byte[]> rendition(@PathVariable String id, @PathVariable String rendition,
            @RequestParam(required = false) Integer w, @RequestParam(required = false) Integer h,
            @RequestParam(required = false) String fit, @RequestParam(required = false) String focus,
            @RequestParam(required = false) String crop, @RequestParam(required = false) Long v) {
        int dot = rendition.lastIndexOf('.');
        RenditionSpec spec = RenditionSpec.parse(rendition.substring(0, dot), rendition.substring(dot + 1), w, h, fit,
                focus, crop, renditions.maxSize());
        MediaAsset asset = uploaded(id);
        Renditions.Rendered rendered = renditions.render(asset, spec, () -> media.fileBytes(asset.file()));
        CacheControl cacheControl = v != null && v == asset.version()
                ? CacheControl.maxAge(VERSIONED).cachePublic().immutable()
                : CacheControl.maxAge(UNVERSIONED).cachePublic();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendered.contentType()))
                .cacheControl(cacheControl)
                .header("X-Rendition-Cache", rendered.fromCache() ? "HIT" : "MISS")
                .body(rendered.bytes());
    }

    private MediaAsset uploaded(String id) {
        MediaAsset asset = media.find(id).orElseThrow(() -> ApiException.notFound("No media asset " + id));
        if (asset.file() == null) {
            throw ApiException.notFound("Asset " + id + " is hosted elsewhere: " + asset.url());
        }
        return asset;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return errorBody(HttpStatus.valueOf(e.code().httpStatus()), e.code(), e.getMessage(), e.details());
    }

    static ResponseEntity<Map<String, Object>> errorBody(HttpStatus status, ErrorCode code, String message,
            Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
    }
}
