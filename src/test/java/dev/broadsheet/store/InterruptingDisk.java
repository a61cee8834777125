package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;

/**
 * An H2 file system ({@code interrupting:} prefix) over the real disk that interrupts the thread reading a file
 * at its n-th read, as stopping a thread pool with {@code shutdownNow()} does: the JDK then closes the channel
 * ({@link java.nio.channels.ClosedByInterruptException}) under the reader.
 */
public class InterruptingDisk extends ForwardingDisk {

    private static volatile int interruptAtRead = Integer.MAX_VALUE;
    private static int reads;

    static {
        FilePath.register(new InterruptingDisk());
    }

    public InterruptingDisk() {
        super("interrupting", Channel::new);
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


    private static final class Channel extends ForwardingChannel {

        Channel(FileChannel disk) {
            super(disk);
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
    }
}
