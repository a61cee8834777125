package dev.broadsheet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the test: plain photos, one carrying EXIF creator, copyright and GPS, and hostile files. */
final class TestImages {

    /** The numerator of every GPS rational written: four bytes that appear nowhere else in these files. */
    static final int GPS_MARKER = 0x5A17C0DE;

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), 255 - random.nextInt(100)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2), 1 + random.nextInt(height / 2));
        }
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height, long seed) {
        return encode(picture(width, height, seed), "jpeg");
    }

    static byte[] png(int width, int height, long seed) {
        return encode(picture(width, height, seed), "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with an EXIF block naming Artist and Copyright and holding a GPS position. */
    static byte[] jpegWithExif(int width, int height, String artist, String copyright) {
        byte[] jpeg = jpeg(width, height, 7);
        byte[] tiff = tiff(artist, copyright);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Little-endian TIFF: IFD0 (Artist, Copyright, GPS pointer), a GPS IFD (LatitudeRef, Latitude). */
    private static byte[] tiff(String artist, String copyright) {
        byte[] a = (artist + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] c = (copyright + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int gpsIfd = ifd0 + ifd0Size;
        int gpsSize = 2 + 2 * 12 + 4;
        int latitude = gpsIfd + gpsSize;
        int artistAt = latitude + 24;
        int copyrightAt = artistAt + a.length;
        ByteBuffer buf = ByteBuffer.allocate(copyrightAt + c.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        buf.putShort((short) 3);
        entry(buf, 0x013B, 2, a.length, artistAt);
        entry(buf, 0x8298, 2, c.length, copyrightAt);
        entry(buf, 0x8825, 4, 1, gpsIfd);
        buf.putInt(0);
        buf.putShort((short) 2);
        buf.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(buf, 0x0002, 5, 3, latitude);
        buf.putInt(0);
        for (int i = 0; i < 3; i++) {
            buf.putInt(GPS_MARKER).putInt(1);
        }
        buf.put(a).put(c);
        return buf.array();
    }

    private static void entry(ByteBuffer buf, int tag, int type, int count, int value) {
        buf.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    static boolean containsGpsMarker(byte[] bytes) {
        byte[] le = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(GPS_MARKER).array();
        outer:
        for (int i = 0; i + 4 <= bytes.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (bytes[i + j] != le[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A real decompression bomb: a valid grey PNG of {@code size} × {@code size} zeros (400 MB of pixels
     * for 20,000 px) a few hundred KB long. The zlib stream repeats one fully flushed deflate segment
     * (independent of what precedes it), so making it costs milliseconds, not a 400 MB compression.
     */
    static byte[] pngBomb(int size) {
        try {
            int rowsPerSegment = 100;
            byte[] rows = new byte[(size + 1) * rowsPerSegment];
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
            deflater.setInput(rows);
            ByteArrayOutputStream segment = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.FULL_FLUSH);
                segment.write(buffer, 0, written);
            } while (written == buffer.length || !deflater.needsInput());
            deflater.end();
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            idat.write(0x78);
            idat.write(0xDA);
            for (int i = 0; i < size / rowsPerSegment; i++) {
                idat.writeBytes(segment.toByteArray());
            }
            idat.write(0x03);
            idat.write(0x00);
            long length = (long) (size + 1) * size;
            long adler = (length % 65521) << 16 | 1;
            new DataOutputStream(idat).writeInt((int) adler);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(png, "IHDR", ihdr.array());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream stream = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        stream.writeInt(data.length);
        stream.write(name);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }
}
