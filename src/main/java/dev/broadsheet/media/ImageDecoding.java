package dev.broadsheet.media;

import dev.broadsheet.api.ApiException;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files safely: the size from the header first (a decompression bomb is refused before
 * any pixel is decoded), a structural check that the file is complete, then the pixels.
 */
final class ImageDecoding {

    static final String FIELD = "file";

    record Header(ImageFormat format, int width, int height) {
    }

    private ImageDecoding() {
    }

    /** The format (from the bytes) and pixel size, refused when unknown, incomplete or over {@code maxPixels}. */
    static Header inspect(byte[] bytes, long maxPixels) {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> ApiException.validation(FIELD,
                "Not a JPEG, PNG, WebP or GIF image (the format is read from the file's bytes)"));
        if (!complete(bytes, format)) {
            throw ApiException.validation(FIELD, "The " + format + " file is truncated or damaged");
        }
        return withReader(bytes, format, "read", reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                throw ApiException.validation(FIELD, "The image is " + width + " × " + height
                        + " px; at most " + maxPixels + " pixels are accepted");
            }
            return new Header(format, width, height);
        });
    }

    /**
     * Decodes {@code region} (null for all) keeping every {@code subsampling}-th pixel. A warning from
     * the decoder (a JPEG that ends early, say) counts as damage.
     */
    static BufferedImage decode(byte[] bytes, ImageFormat format, Rectangle region, int subsampling) {
        List<String> warnings = new ArrayList<>();
        return withReader(bytes, format, "decoded", reader -> {
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            if (region != null) {
                param.setSourceRegion(region);
            }
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw ApiException.validation(FIELD, "The " + format + " file is damaged: " + warnings.get(0));
            }
            return image;
        });
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /**
     * Runs {@code work} with a reader on {@code bytes}. A refusal passes through; any other failure is
     * reported as "cannot be {@code failedTo}".
     */
    private static <T> T withReader(byte[] bytes, ImageFormat format, String failedTo, ReaderWork<T> work) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(input, true, true);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.validation(FIELD, "The " + format + " file cannot be " + failedTo);
        }
    }

    /** Prefers the pure-Java readers (TwelveMonkeys for WebP) over native ones for untrusted input. */
    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return chosen;
    }

    /** Whether the file ends the way its format says a whole file ends. */
    static boolean complete(byte[] bytes, ImageFormat format) {
        int n = bytes.length;
        return switch (format) {
            case JPEG -> endsWithJpegEnd(bytes);
            case PNG -> n >= 12 && new String(bytes, n - 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("IEND");
            case GIF -> n > 0 && (bytes[n - 1] & 0xFF) == 0x3B;
            case WEBP -> n >= 12 && riffSize(bytes) + 8L <= n;
        };
    }

    /** A JPEG ends with FF D9; some cameras pad a few bytes after it. */
    private static boolean endsWithJpegEnd(byte[] bytes) {
        for (int i = bytes.length - 2; i >= Math.max(2, bytes.length - 64); i--) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static long riffSize(byte[] bytes) {
        return (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16 | (bytes[7] & 0xFFL) << 24;
    }
}
