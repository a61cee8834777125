package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code smalldisk:} prefix) over the real disk with a given number of free bytes, shared by
 * the files reached through it, as on a small tmpfs: a write that would grow a file past the free space writes
 * what fits and then fails with "No space left on device"; writes within a file's current size always succeed;
 * truncating or deleting a file gives its bytes back. Unlike {@link FailingDisk}, which refuses every write,
 * this leaves the half-written chunk that a real full disk leaves.
 */
public class SmallDisk extends FilePathWrapper {

    private static final long UNLIMITED = Long.MAX_VALUE / 2;
    private static long free = UNLIMITED;

    static {
        FilePath.register(new SmallDisk());
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

    @Override
    public String getScheme() {
        return "smalldisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {

        private final FileChannel disk;

        Channel(FileChannel disk) {
            this.disk = disk;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return disk.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return disk.read(dst, position);
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
        public long position() throws IOException {
            return disk.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            disk.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return disk.size();
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

        @Override
        public void force(boolean metaData) throws IOException {
            disk.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return disk.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
