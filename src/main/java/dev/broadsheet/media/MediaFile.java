package dev.broadsheet.media;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An uploaded image file, stored once in GridFS whatever number of assets use it.
 *
 * @param id          the SHA-256 of the stored bytes (hex): the same bytes are stored once
 * @param gridFsId    the GridFS file id (hex ObjectId)
 * @param contentType from the bytes, never from the upload's name or header
 * @param creator     the EXIF Artist, offered as the default creator of an asset
 * @param copyright   the EXIF Copyright, offered as the default credit line of an asset
 */
public record MediaFile(
        @BsonId String id,
        String gridFsId,
        String contentType,
        long byteSize,
        int width,
        int height,
        String creator,
        String copyright) {

    public String sha256() {
        return id;
    }

    ImageFormat format() {
        return ImageFormat.byContentType(contentType).orElseThrow();
    }
}
