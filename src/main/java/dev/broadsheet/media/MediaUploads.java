package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Hashes;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into a stored {@link MediaFile}: the format from the bytes, the size from the
 * header (bombs refused before decoding), a full decode (truncated files refused), location data
 * removed, and the result stored once per SHA-256. Nothing is stored unless every check passes.
 */
@Component
class MediaUploads {

    private final MediaFileStore files;
    private final MediaProperties properties;

    MediaUploads(MediaFileStore files, MediaProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    MediaFile store(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.validation(ImageDecoding.FIELD, "Send the image in the multipart part named 'file'");
        }
        if (bytes.length > properties.maxUploadSize().toBytes()) {
            throw ApiException.validation(ImageDecoding.FIELD, "The file is larger than " + properties.maxUploadSize());
        }
        ImageDecoding.Header header = ImageDecoding.inspect(bytes, properties.maxPixels());
        ImageDecoding.decode(bytes, header.format(), null, 1);
        MetadataCleaner.Cleaned cleaned = MetadataCleaner.clean(bytes, header.format());
        MediaFile file = new MediaFile(sha256(cleaned.bytes()), null, header.format().contentType(),
                cleaned.bytes().length, header.width(), header.height(), cut(cleaned.creator(), 200),
                cut(cleaned.copyright(), 500));
        return files.store(file, cleaned.bytes());
    }

    String urlOf(String assetId, MediaFile file) {
        return properties.publicBaseUrl() + "/media/" + assetId + "/file";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static String sha256(byte[] bytes) {
        return Hashes.sha256Hex(bytes);
    }
}
