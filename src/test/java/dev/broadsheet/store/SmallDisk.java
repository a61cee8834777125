package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;

/**
 * An H2 file system ({@code smalldisk:} prefix) over the real disk with a given number of free bytes, shared by
 * the files reached through it, as on a small tmpfs: a write that would grow a file past the free space writes
 * what fits and then fails with "No space left on device"; writes within a file's current size always succeed;
 * truncating or deleting a file gives its bytes back. Unlike {@link FailingDisk}, which refuses every write,
 * this leaves the half-written chunk that a real full disk leaves.
 */
public class SmallDisk extends ForwardingDisk {

    private static final long UNLIMITED = Long.MAX_VALUE / 2;
    private static long free = UNLIMITED;

    static {
        FilePath.register(new SmallDisk());
    }

    public SmallDisk() {
        super("smalldisk", Channel::new);
    }

    static String prefix() {
        return "smalldisk:";
    }

    /** From now on the files may grow by {@code bytes} in all. */
    static synchronized void freeBytes(long bytes) {
        free = bytes;
    }

    static synchronized long freeBytes() {
        return free;
    }

    static synchronized void unlimited() {
        free = UNLIMITED;
    }

    @Override
    public void delete() {
        long size = size();
        super.delete();
        synchronized (SmallDisk.class) {
            free += size;
        }
    }


    private static final class Channel extends ForwardingChannel {

        Channel(FileChannel disk) {
            super(disk);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int written = write(src, disk.position());
            disk.position(disk.position() + written);
            return written;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            synchronized (SmallDisk.class) {
                long size = disk.size();
                long room = size + free - position;
                if (room <= 0) {
                    throw new IOException("No space left on device");
                }
                ByteBuffer fits = src.remaining() <= room ? src : src.slice().limit((int) room);
                int written = disk.write(fits, position);
                if (fits != src) {
                    src.position(src.position() + written);
                }
                free -= Math.max(0, position + written - size);
                return written;
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            synchronized (SmallDisk.class) {
                long before = disk.size();
                disk.truncate(size);
                free += Math.max(0, before - disk.size());
            }
            return this;
        }
    }
}
