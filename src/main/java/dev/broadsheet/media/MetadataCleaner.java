package dev.broadsheet.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Takes location data out of an uploaded file before it is stored, and reads the creator and
 * copyright it names. The EXIF GPS directory is emptied in place (JPEG APP1, PNG eXIf, WebP EXIF);
 * an EXIF block that cannot be read, and XMP packets that mention GPS, are dropped whole (JPEG, PNG).
 * Pixels are never re-encoded, so a file without location data is stored byte for byte.
 */
final class MetadataCleaner {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    record Cleaned(byte[] bytes, String creator, String copyright) {
    }

    private MetadataCleaner() {
    }

    static Cleaned clean(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            case WEBP -> webp(bytes);
            case GIF -> new Cleaned(bytes, null, null);
        };
    }

    private static Cleaned jpeg(byte[] in) {
        Rebuild file = new Rebuild(in, 2);
        byte[] buf = file.buf;
        int at = 2;
        while (at + 4 <= buf.length && (buf[at] & 0xFF) == 0xFF) {
            int marker = buf[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = (buf[at + 2] & 0xFF) << 8 | (buf[at + 3] & 0xFF);
            int next = at + 2 + length;
            if (length < 2 || next > buf.length) {
                break;
            }
            boolean keep = true;
            if (marker == 0xE1 && startsWith(buf, at + 4, EXIF_HEADER)) {
                int tiff = at + 4 + EXIF_HEADER.length;
                keep = file.stripGps(tiff, next - tiff);
            } else if (marker == 0xE1 && startsWith(buf, at + 4, XMP_HEADER) && mentionsGps(buf, at + 4, next)) {
                keep = false;
            }
            file.segment(at, next, keep);
            at = next;
        }
        return file.rest(at);
    }

    private static Cleaned png(byte[] in) {
        Rebuild file = new Rebuild(in, 8);
        byte[] buf = file.buf;
        int at = 8;
        while (at + 12 <= buf.length) {
            int length = u32be(buf, at);
            int next = at + 12 + length;
            if (length < 0 || next > buf.length) {
                break;
            }
            String type = new String(buf, at + 4, 4, StandardCharsets.ISO_8859_1);
            boolean keep = true;
            if (type.equals("eXIf")) {
                keep = file.stripGps(at + 8, length);
                if (keep) {
                    CRC32 crc = new CRC32();
                    crc.update(buf, at + 4, 4 + length);
                    putU32be(buf, at + 8 + length, (int) crc.getValue());
                }
            } else if (type.equals("iTXt") && mentionsGps(buf, at + 8, at + 8 + length)) {
                keep = false;
            }
            file.segment(at, next, keep);
            at = next;
            if (type.equals("IEND")) {
                break;
            }
        }
        return file.rest(at);
    }

    /**
     * A JPEG or PNG copied segment by segment: its signature, the segments kept (GPS stripped in
     * place), then whatever follows the last segment read, as it is.
     */
    private static final class Rebuild {

        final byte[] buf;
        private final ByteArrayOutputStream out;
        private ExifTiff.Fields fields;

        Rebuild(byte[] in, int signatureLength) {
            this.buf = in.clone();
            this.out = new ByteArrayOutputStream(buf.length);
            out.write(buf, 0, signatureLength);
        }

        /** Empties the GPS directory of the EXIF block at {@code tiff}; false where it cannot be read. */
        boolean stripGps(int tiff, int length) {
            try {
                fields = ExifTiff.stripGps(buf, tiff, length);
                return true;
            } catch (IllegalArgumentException unreadable) {
                return false;
            }
        }

        void segment(int from, int to, boolean keep) {
            if (keep) {
                out.write(buf, from, to - from);
            }
        }

        Cleaned rest(int from) {
            out.write(buf, from, buf.length - from);
            return new Cleaned(out.toByteArray(), artist(fields), copyright(fields));
        }
    }

    /** WebP chunks keep their length: an unreadable EXIF chunk is zeroed rather than dropped. */
    private static Cleaned webp(byte[] in) {
        byte[] buf = in.clone();
        int at = 12;
        ExifTiff.Fields fields = null;
        while (at + 8 <= buf.length) {
            String type = new String(buf, at, 4, StandardCharsets.ISO_8859_1);
            int length = u32le(buf, at + 4);
            int data = at + 8;
            if (length < 0 || data + length > buf.length) {
                break;
            }
            if (type.equals("EXIF")) {
                int tiff = startsWith(buf, data, EXIF_HEADER) ? data + EXIF_HEADER.length : data;
                try {
                    fields = ExifTiff.stripGps(buf, tiff, data + length - tiff);
                } catch (IllegalArgumentException unreadable) {
                    java.util.Arrays.fill(buf, data, data + length, (byte) 0);
                }
            }
            at = data + length + (length & 1);
        }
        return new Cleaned(buf, artist(fields), copyright(fields));
    }

    private static boolean mentionsGps(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1).contains("GPS");
    }

    private static String artist(ExifTiff.Fields fields) {
        return fields == null ? null : fields.artist();
    }

    private static String copyright(ExifTiff.Fields fields) {
        return fields == null ? null : fields.copyright();
    }

    private static boolean startsWith(byte[] buf, int at, byte[] prefix) {
        if (at + prefix.length > buf.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u32be(byte[] buf, int at) {
        return (buf[at] & 0xFF) << 24 | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | (buf[at + 3] & 0xFF);
    }

    private static int u32le(byte[] buf, int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }

    private static void putU32be(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }
}
