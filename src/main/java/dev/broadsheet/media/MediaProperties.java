package dev.broadsheet.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUploadSize       largest file accepted by {@code POST /media} (keep
 *                            {@code spring.servlet.multipart.max-file-size} at least this large)
 * @param maxPixels           largest width × height an upload may declare; refused before decoding,
 *                            so a decompression bomb never reaches memory
 * @param maxRenditionSize    largest width or height a rendition may ask for
 * @param renditionCacheSize  memory budget of the rendition cache (weighed by encoded bytes)
 * @param publicBaseUrl       prefix of the URLs of uploaded images (e.g. {@code https://api.example.org});
 *                            empty gives root-relative URLs
 */
@ConfigurationProperties("broadsheet.media")
record MediaProperties(
        @DefaultValue("25MB") DataSize maxUploadSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("4000") int maxRenditionSize,
        @DefaultValue("64MB") DataSize renditionCacheSize,
        @DefaultValue("") String publicBaseUrl) {
}
