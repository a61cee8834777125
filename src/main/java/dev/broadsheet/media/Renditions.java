package dev.broadsheet.media;

import com.github.benmanes.caffeine.cache.Cache;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.cache.Caches;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Makes renditions of uploaded images (decode the needed region, resize with Thumbnailator, encode)
 * and keeps them in a Caffeine cache weighed by encoded bytes. Keys carry the asset version, so an
 * edited asset (new focal point, new crops) never serves an old rendition. Renditions carry no
 * metadata: ImageIO writes none unless asked, so no EXIF (and no location) reaches a reader.
 */
@Component
class Renditions {

    private static final float QUALITY = 0.82f;

    record Key(String assetId, long version, RenditionSpec spec) {
    }

    record Rendered(byte[] bytes, String contentType, boolean fromCache) {
    }

    private final Cache<Key, byte[]> cache;
    private final MediaProperties properties;
    private final boolean webpWriter;

    Renditions(Caches caches, MediaProperties properties) {
        this.properties = properties;
        this.cache = caches.weighed("media.renditions", properties.renditionCacheSize().toBytes(),
                (Key key, byte[] bytes) -> bytes.length);
        this.webpWriter = ImageIO.getImageWritersByMIMEType("image/webp").hasNext();
    }

    boolean canWrite(RenditionSpec.OutputFormat format) {
        return format != RenditionSpec.OutputFormat.WEBP || webpWriter;
    }

    Rendered render(MediaAsset asset, RenditionSpec spec, java.util.function.Supplier<byte[]> original) {
        if (!canWrite(spec.format())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "WebP cannot be written on this server; ask for .jpg or .png");
        }
        Key key = new Key(asset.id(), asset.version(), spec);
        byte[] cached = cache.getIfPresent(key);
        if (cached != null) {
            return new Rendered(cached, spec.format().contentType, true);
        }
        byte[] bytes = make(asset, spec, original.get());
        cache.put(key, bytes);
        return new Rendered(bytes, spec.format().contentType, false);
    }

    private byte[] make(MediaAsset asset, RenditionSpec spec, byte[] original) {
        MediaFile file = asset.file();
        Rectangle region = region(asset, spec);
        RenditionGeometry.Plan plan = RenditionGeometry.plan(file.width(), file.height(), region, spec.width(),
                spec.height(), spec.fit(), spec.focus() != null ? spec.focus() : asset.focalPoint());
        int subsampling = Math.max(1, Math.min(plan.source().width / (2 * plan.innerWidth()),
                plan.source().height / (2 * plan.innerHeight())));
        BufferedImage source = ImageDecoding.decode(original, file.format(), plan.source(), subsampling);
        try {
            BufferedImage picture = Thumbnails.of(source).forceSize(plan.innerWidth(), plan.innerHeight())
                    .asBufferedImage();
            return encode(compose(picture, plan, spec.format()), spec.format());
        } catch (IOException e) {
            throw new IllegalStateException("Could not make a rendition of " + asset.id(), e);
        }
    }

    private Rectangle region(MediaAsset asset, RenditionSpec spec) {
        Crop crop;
        if (spec.crop() != null) {
            crop = spec.crop();
        } else if (RenditionSpec.FULL.equals(spec.name())) {
            crop = new Crop(0, 0, asset.file().width(), asset.file().height());
        } else {
            crop = asset.crop(spec.name()).map(NamedCrop::crop)
                    .orElseThrow(() -> ApiException.notFound("Asset " + asset.id() + " has no rendition " + spec.name()));
        }
        if (!new Rectangle(0, 0, asset.file().width(), asset.file().height()).contains(
                new Rectangle(crop.x(), crop.y(), crop.width(), crop.height())) || crop.width() < 1 || crop.height() < 1) {
            throw ApiException.validation("crop", "crop must lie inside the " + asset.file().width() + " × "
                    + asset.file().height() + " px image");
        }
        return new Rectangle(crop.x(), crop.y(), crop.width(), crop.height());
    }

    /** Pads a fitted picture, and flattens transparency onto white for JPEG. */
    private static BufferedImage compose(BufferedImage picture, RenditionGeometry.Plan plan,
            RenditionSpec.OutputFormat format) {
        boolean opaque = format == RenditionSpec.OutputFormat.JPG;
        if (!plan.padded() && (!opaque || !picture.getColorModel().hasAlpha())
                && picture.getType() != BufferedImage.TYPE_CUSTOM) {
            return picture;
        }
        BufferedImage canvas = new BufferedImage(plan.width(), plan.height(),
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            if (opaque) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, plan.width(), plan.height());
            }
            g.drawImage(picture, (plan.width() - plan.innerWidth()) / 2, (plan.height() - plan.innerHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static byte[] encode(BufferedImage image, RenditionSpec.OutputFormat format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType);
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format != RenditionSpec.OutputFormat.PNG && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                String[] types = param.getCompressionTypes();
                if (types != null && types.length > 0) {
                    param.setCompressionType(lossy(types));
                }
                param.setCompressionQuality(QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String lossy(String[] types) {
        for (String type : types) {
            if (type.toLowerCase(java.util.Locale.ROOT).contains("lossy")) {
                return type;
            }
        }
        return types[0];
    }

    int maxSize() {
        return properties.maxRenditionSize();
    }
}
