package dev.broadsheet.media;

import java.util.List;
import org.bson.Document;

/**
 * BSON shapes of media values. Image usages are stored inside the documents of the features that use
 * them, so this mapping is public; assets themselves are mapped only by {@link MediaStore}.
 */
public final class MediaDocuments {

    private MediaDocuments() {
    }

    public static Document usage(ImageUsage usage) {
        Document doc = new Document("assetId", usage.assetId());
        if (usage.crop() != null) {
            Crop crop = usage.crop();
            Document cropDoc = new Document("x", crop.x()).append("y", crop.y())
                    .append("width", crop.width()).append("height", crop.height());
            if (crop.publishedWidth() != null) {
                cropDoc.append("publishedWidth", crop.publishedWidth()).append("publishedHeight", crop.publishedHeight());
            }
            doc.append("crop", cropDoc);
        }
        return doc.append("caption", usage.caption()).append("alt", usage.alt());
    }

    public static ImageUsage usage(Document doc) {
        if (doc == null) {
            return null;
        }
        Document crop = doc.get("crop", Document.class);
        return new ImageUsage(doc.getString("assetId"),
                crop == null ? null : new Crop(crop.getInteger("x"), crop.getInteger("y"),
                        crop.getInteger("width"), crop.getInteger("height"),
                        crop.getInteger("publishedWidth"), crop.getInteger("publishedHeight")),
                doc.getString("caption"), doc.getString("alt"));
    }

    static Document asset(MediaAsset asset) {
        return new Document("_id", asset.id())
                .append("title", asset.title())
                .append("url", asset.url())
                .append("width", asset.width())
                .append("height", asset.height())
                .append("creator", credit(asset.creator()))
                .append("source", credit(asset.source()))
                .append("creditLine", asset.creditLine())
                .append("licenceId", asset.licenceId())
                .append("crops", asset.crops().stream().map(MediaDocuments::namedCrop).toList())
                .append("version", asset.version())
                .append("file", file(asset.file()))
                .append("focalPoint", asset.focalPoint() == null ? null
                        : new Document("x", asset.focalPoint().x()).append("y", asset.focalPoint().y()));
    }

    static MediaAsset asset(Document doc) {
        return new MediaAsset(doc.getString("_id"), doc.getString("title"), doc.getString("url"),
                doc.getInteger("width", 0), doc.getInteger("height", 0),
                credit(doc.get("creator", Document.class)), credit(doc.get("source", Document.class)),
                doc.getString("creditLine"), doc.getString("licenceId"),
                doc.getList("crops", Document.class, List.of()).stream().map(MediaDocuments::namedCrop).toList(),
                ((Number) doc.get("version", 1L)).longValue(),
                file(doc.get("file", Document.class)), focalPoint(doc.get("focalPoint", Document.class)));
    }

    private static Document file(MediaFile file) {
        return file == null ? null : new Document("sha256", file.id()).append("gridFsId", file.gridFsId())
                .append("contentType", file.contentType()).append("byteSize", file.byteSize())
                .append("width", file.width()).append("height", file.height())
                .append("creator", file.creator()).append("copyright", file.copyright());
    }

    private static MediaFile file(Document doc) {
        return doc == null ? null : new MediaFile(doc.getString("sha256"), doc.getString("gridFsId"),
                doc.getString("contentType"), ((Number) doc.get("byteSize", 0L)).longValue(),
                doc.getInteger("width", 0), doc.getInteger("height", 0), doc.getString("creator"),
                doc.getString("copyright"));
    }

    private static FocalPoint focalPoint(Document doc) {
        return doc == null ? null : new FocalPoint(((Number) doc.get("x")).doubleValue(), ((Number) doc.get("y")).doubleValue());
    }

    private static Document namedCrop(NamedCrop crop) {
        return new Document("name", crop.name()).append("x", crop.x()).append("y", crop.y())
                .append("width", crop.width()).append("height", crop.height());
    }

    private static NamedCrop namedCrop(Document doc) {
        return new NamedCrop(doc.getString("name"), doc.getInteger("x", 0), doc.getInteger("y", 0),
                doc.getInteger("width", 0), doc.getInteger("height", 0));
    }

    private static Document credit(Credit credit) {
        return credit == null ? null : new Document("name", credit.name()).append("url", credit.url());
    }

    private static Credit credit(Document doc) {
        return doc == null ? null : new Credit(doc.getString("name"), doc.getString("url"));
    }
}
