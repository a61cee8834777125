package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;

/**
 * A file channel of the test file systems ({@link FailingDisk}, {@link SmallDisk}, {@link InterruptingDisk}):
 * every call goes to the real file; a file system overrides the calls it changes.
 */
class ForwardingChannel extends FileBase {

    protected final FileChannel disk;

    ForwardingChannel(FileChannel disk) {
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
