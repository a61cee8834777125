package dev.broadsheet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The last version the group commit wrote to the store, kept beside it ({@code broadsheet.mv.committed}).
 * A damaged last chunk makes MVStore fall back, silently, to an older version of the file; comparing
 * with this marker turns that silent loss of acknowledged writes into a refusal. Written after the
 * commit's fsync without one of its own: it can only lag behind the file, never run ahead of it.
 */
final class CommitMarker implements AutoCloseable {

    private final Path path;
    private FileChannel channel;

    CommitMarker(Path storeFile) {
        this.path = storeFile.resolveSibling(storeFile.getFileName() + ".committed");
    }

    /** The recorded version, or -1 when there is none. */
    long read() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return bytes.length == Long.BYTES ? ByteBuffer.wrap(bytes).getLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Forgets the recorded version (a new, empty store file). */
    void reset() throws IOException {
        Files.deleteIfExists(path);
    }

    void record(long version) {
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, version), 0);
        } catch (IOException e) {
            // The marker only detects damage; the commit itself succeeded.
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing to keep
        }
    }
}
