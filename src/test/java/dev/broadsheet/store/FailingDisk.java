package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;

/**
 * An H2 file system ({@code failing:} prefix) over the real disk whose writes can be made to fail as a full
 * disk does, then made to work again: the embedded store's own reaction to a disk that stops taking writes
 * is tested without root or a small mount.
 */
public class FailingDisk extends ForwardingDisk {

    static final String PREFIX = "failing:";
    private static volatile boolean full;

    static {
        FilePath.register(new FailingDisk());
    }

    public FailingDisk() {
        super("failing", Channel::new);
    }

    /** The H2 prefix to open store files through; registers this file system. */
    static String prefix() {
        return PREFIX;
    }

    static void fill() {
        full = true;
    }

    static void free() {
        full = false;
    }


    private static final class Channel extends ForwardingChannel {

        Channel(FileChannel disk) {
            super(disk);
        }

        private static void failIfFull() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            failIfFull();
            return disk.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            failIfFull();
            return disk.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            failIfFull();
            return super.truncate(size);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            failIfFull();
            disk.force(metaData);
        }
    }
}
