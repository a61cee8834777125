package dev.broadsheet.media;

import java.nio.charset.StandardCharsets;

/**
 * The TIFF structure inside an EXIF block, edited in place: the GPS directory is emptied (its entries
 * and the values they point to are overwritten with zeros, so the block keeps its length and stays
 * valid) and the Artist and Copyright fields of the first directory are read out.
 */
final class ExifTiff {

    private static final int ARTIST = 0x013B;
    private static final int COPYRIGHT = 0x8298;
    private static final int GPS_IFD = 0x8825;
    private static final int ASCII = 2;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    record Fields(String artist, String copyright) {
    }

    private final byte[] buf;
    private final int base;
    private final int end;
    private final boolean littleEndian;

    private ExifTiff(byte[] buf, int base, int length) {
        this.buf = buf;
        this.base = base;
        this.end = base + length;
        if (length < 8 || !((buf[base] == 'I' && buf[base + 1] == 'I') || (buf[base] == 'M' && buf[base + 1] == 'M'))) {
            throw new IllegalArgumentException("not a TIFF block");
        }
        this.littleEndian = buf[base] == 'I';
    }

    /**
     * Empties the GPS directory of the TIFF block at {@code base} and returns Artist and Copyright.
     *
     * @throws IllegalArgumentException when the block cannot be read; the caller then drops it whole
     */
    static Fields stripGps(byte[] buf, int base, int length) {
        try {
            return new ExifTiff(buf, base, length).strip();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed TIFF block", e);
        }
    }

    private Fields strip() {
        int ifd0 = offset(u32(base + 4));
        int count = u16(ifd0);
        String artist = null;
        String copyright = null;
        for (int i = 0; i < count; i++) {
            int entry = ifd0 + 2 + 12 * i;
            int tag = u16(entry);
            if (tag == ARTIST && u16(entry + 2) == ASCII) {
                artist = ascii(entry);
            } else if (tag == COPYRIGHT && u16(entry + 2) == ASCII) {
                copyright = ascii(entry);
            } else if (tag == GPS_IFD) {
                emptyDirectory(offset(u32(entry + 8)));
            }
        }
        return new Fields(artist, copyright);
    }

    private void emptyDirectory(int ifd) {
        int count = u16(ifd);
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            long size = dataSize(entry);
            if (size > 4) {
                int data = offset(u32(entry + 8));
                zero(data, (int) Math.min(size, end - data));
            }
            zero(entry, 12);
        }
        zero(ifd, 2);
    }

    private String ascii(int entry) {
        long size = dataSize(entry);
        int data = size > 4 ? offset(u32(entry + 8)) : entry + 8;
        int length = (int) Math.min(size, end - data);
        String text = new String(buf, data, Math.max(0, length), StandardCharsets.ISO_8859_1);
        int nul = text.indexOf('\0');
        text = (nul >= 0 ? text.substring(0, nul) : text).strip();
        return text.isEmpty() ? null : text;
    }

    private long dataSize(int entry) {
        int type = u16(entry + 2);
        int unit = type < TYPE_SIZES.length ? TYPE_SIZES[type] : 1;
        return unit * u32(entry + 4);
    }

    private int offset(long relative) {
        if (relative < 0 || base + relative >= end) {
            throw new IndexOutOfBoundsException("offset outside the TIFF block");
        }
        return (int) (base + relative);
    }

    private void zero(int from, int length) {
        check(from, length);
        java.util.Arrays.fill(buf, from, from + length, (byte) 0);
    }

    private int u16(int at) {
        check(at, 2);
        int a = buf[at] & 0xFF;
        int b = buf[at + 1] & 0xFF;
        return littleEndian ? a | b << 8 : a << 8 | b;
    }

    private long u32(int at) {
        check(at, 4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = littleEndian ? 8 * i : 8 * (3 - i);
            value |= (long) (buf[at + i] & 0xFF) << shift;
        }
        return value;
    }

    private void check(int at, int length) {
        if (at < base || at + length > end) {
            throw new IndexOutOfBoundsException("read outside the TIFF block");
        }
    }
}
