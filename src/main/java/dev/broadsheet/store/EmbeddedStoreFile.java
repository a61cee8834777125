package dev.broadsheet.store;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Opens the embedded store's MVStore file, and refuses, with one clear line, a file it cannot write
 * (read-only, no room), one that another process holds, and one that is damaged.
 */
final class EmbeddedStoreFile {

    static final String RESTORE = "Move the damaged file aside and restore the last backup into an empty data directory: "
            + "java -jar broadsheet.jar import --from <backup folder> --data-dir <data directory> "
            + "(README: Backup, export and import).";
    private static final String PROBE_MAP = "broadsheet.probe";

    private EmbeddedStoreFile() {
    }

    /**
     * Opens {@code file} for reading and writing: creates its folder, reads every page (a damaged file
     * is refused here, not on some later read) and commits a small test write. {@code fileSystem} is the
     * H2 file-system prefix the MVStore reaches the file through ("" for the disk itself).
     */
    static MVStore openWritable(Path file, String fileSystem, boolean verify) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw cannotWrite(file, "its folder cannot be created (" + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(file.getParent())) {
            throw cannotWrite(file, "its folder " + file.getParent() + " is read-only", null);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw cannotWrite(file, "the file is read-only", null);
        }
        boolean isNew = !Files.exists(file);
        CommitMarker marker = new CommitMarker(file);
        if (isNew) {
            try {
                marker.reset();
            } catch (IOException e) {
                throw cannotWrite(file, "its commit marker cannot be reset (" + e.getMessage() + ")", e);
            }
        }
        MVStore store = open(file, fileSystem, false);
        long committed = marker.read();
        if (committed > store.getCurrentVersion()) {
            long found = store.getCurrentVersion();
            store.closeImmediately();
            throw damaged(file, new IllegalStateException("its last readable version is " + found + " but version "
                    + committed + " was committed: the newest writes are unreadable"));
        }
        if (verify) {
            try {
                readEveryPage(store);
            } catch (RuntimeException | Error e) {
                store.closeImmediately();
                throw damaged(file, e);
            }
        }
        try {
            MVMap<String, Long> probe = store.openMap(PROBE_MAP);
            probe.put("lastOpened", System.currentTimeMillis());
            store.commit();
            store.sync();
            marker.record(store.getCurrentVersion());
            marker.close();
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw cannotWrite(file, "a test write failed (" + rootMessage(e) + ")", e);
        }
        return store;
    }

    /** Opens {@code file} only to read it (serving reads while writes are refused). */
    static MVStore openReadOnly(Path file, String fileSystem) {
        return open(file, fileSystem, true);
    }

    /** Whether the data directory takes a write of 1 MiB, written through to the disk. */
    static boolean hasRoom(Path file) {
        Path scratch = file.resolveSibling(".broadsheet-room-check");
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            while (zeros.hasRemaining()) {
                channel.write(zeros);
            }
            channel.force(true);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a full or read-only disk: nothing was written
            }
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static MVStore open(Path file, String fileSystem, boolean readOnly) {
        MVStore.Builder builder = new MVStore.Builder().fileName(fileSystem + file).autoCommitDisabled();
        try {
            MVStore store = (readOnly ? builder.readOnly() : builder).open();
            // Every commit is fsynced, so space of chunks no longer live can be reused at once rather than after
            // the default 45 s: the file stays small under a stream of small group commits.
            store.setRetentionTime(1000);
            return store;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreStartupException("The data file " + file + " is in use by another process",
                        "Another Broadsheet is running on this data directory; stop it, or give this one its own "
                                + "broadsheet.store.data-dir.", e);
            }
            if (isIoFailure(e)) {
                throw cannotWrite(file, "it cannot be opened (" + rootMessage(e) + ")", e);
            }
            throw damaged(file, e);
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
    }

    private static void readEveryPage(MVStore store) {
        for (String name : store.getMapNames()) {
            if (name.startsWith("databases.")) {
                MVMap<Object, Object> map = store.openMap(name);
                for (var entry : map.entrySet()) {
                    entry.getValue();
                }
            }
        }
    }

    /** A disk or permission problem, as opposed to a file whose content does not make sense. */
    private static boolean isIoFailure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof ObjectStreamException) && !(t instanceof UTFDataFormatException)
                    && !(t instanceof java.io.EOFException)) {
                return true;
            }
        }
        return false;
    }

    private static StoreStartupException cannotWrite(Path file, String cause, Throwable failure) {
        return new StoreStartupException("Cannot write the data file " + file + ": " + cause,
                "Broadsheet acknowledges only what it has stored, so it does not start on a store it cannot write. "
                        + "Make the file and its folder writable (and give the disk room), or point "
                        + "broadsheet.store.data-dir elsewhere.", failure);
    }

    private static StoreStartupException damaged(Path file, Throwable failure) {
        return new StoreStartupException("The data file " + file + " is damaged and cannot be read ("
                + rootMessage(failure) + ")", RESTORE, failure);
    }
}
