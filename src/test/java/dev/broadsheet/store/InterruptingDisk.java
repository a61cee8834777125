package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code interrupting:} prefix) over the real disk that interrupts the thread reading a file
 * at its n-th read, as stopping a thread pool with {@code shutdownNow()} does: the JDK then closes the channel
 * ({@link java.nio.channels.ClosedByInterruptException}) under the reader.
 */
public class InterruptingDisk extends FilePathWrapper {

    private static volatile int interruptAtRead = Integer.MAX_VALUE;
    private static int reads;

    static {
        FilePath.register(new InterruptingDisk());
    }

    static String prefix() {
        return "interrupting:";
    }

    /** The {@code n}-th read from now on (1 = the next) interrupts the reading thread first. */
    static synchronized void interruptAtRead(int n) {
        reads = 0;
        interruptAtRead = n;
    }

    private static synchronized void countRead() {
        if (++reads == interruptAtRead) {
            interruptAtRead = Integer.MAX_VALUE;
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String getScheme() {
        return "interrupting";
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
            countRead();
            return disk.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            countRead();
            return disk.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return disk.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return disk.write(src, position);
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
            disk.truncate(size);
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
