package dev.broadsheet.store;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.store.fs.FileUtils;

/**
 * Opens the embedded store's MVStore file, and refuses, with one clear line, a file it cannot write
 * (read-only, no room), one that another process holds, and one that is damaged.
 */
final class EmbeddedStoreFile {

    static final String RESTORE = "Move the damaged file aside and restore the last backup into an empty data directory: "
            + "java -jar broadsheet.jar import --from <backup folder> --data-dir <data directory> "
            + "(README: Backup, export and import).";
    private static final String PROBE_MAP = "broadsheet.probe";
    /** Free space the store wants beside its file before it opens it for writing (start-up, recovery). */
    static final int ROOM_TO_OPEN = 4 << 20;

    private EmbeddedStoreFile() {
    }

    /**
     * Opens {@code file} for reading and writing: creates its folder, reads every page (a damaged file
     * is refused here, not on some later read) and commits a small test write; refuses a disk without
     * {@link DiskRoom#KEEP_FREE} free, leaving the file untouched. {@code fileSystem} is the H2 file-system prefix
     * the MVStore reaches the file through ("" for the disk itself).
     */
    static MVStore openWritable(Path file, String fileSystem, DiskRoom room, boolean verify) {
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
        // A store opened for writing on a full disk would take writes into its file's free space until one needs
        // a new block; the start-up writes after the test write below would then fail one by one.
        if (room.shortage() != null) {
            throw noRoom(file, room.free());
        }
        if (!hasRoom(file, fileSystem)) {
            throw noRoom(file, -1);
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
                throw unreadable(file, e);
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

    /**
     * Whether the data directory takes a write of {@link #ROOM_TO_OPEN} bytes beside the file, written through to
     * the disk (through {@code fileSystem}, as the store's own writes go).
     */
    static boolean hasRoom(Path file, String fileSystem) {
        String scratch = fileSystem + file.resolveSibling(".broadsheet-room-check");
        try (FileChannel channel = FileUtils.open(scratch, "rw")) {
            channel.truncate(0);
            ByteBuffer zeros = ByteBuffer.allocate(ROOM_TO_OPEN);
            while (zeros.hasRemaining()) {
                channel.write(zeros);
            }
            channel.force(true);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            try {
                FileUtils.delete(scratch);
            } catch (RuntimeException ignored) {
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
            // Every commit is fsynced before the next one starts, so the space of a chunk no longer live in the
            // durable version can be reused at once (H2 still keeps the last 5 versions' chunks). H2's default 45 s
            // guards against disks that do not flush. 1 s was still far too long: at ~400 group commits a second
            // the chunks waiting out that second held ~17 MB, and the file grew to 6 times its live data.
            store.setRetentionTime(0);
            return store;
        } catch (MVStoreException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(file, e);
            }
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreStartupException("The data file " + file + " is in use by another process",
                        "Another Broadsheet is running on this data directory; stop it, or give this one its own "
                                + "broadsheet.store.data-dir.", e);
            }
            if (isIoFailure(e)) {
                throw cannotWrite(file, "it cannot be opened (" + rootMessage(e) + ")", e);
            }
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            throw unreadable(file, e);
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

    /** {@code free}: the free bytes measured, or -1 when a test write of {@link #ROOM_TO_OPEN} bytes failed. */
    static StoreStartupException noRoom(Path file, long free) {
        return new StoreStartupException("Cannot write the data file " + file + ": the disk is full ("
                + (free < 0 ? "no room for a " + (ROOM_TO_OPEN >> 20) + " MiB test write beside it"
                        : free + " bytes free; the store needs " + (DiskRoom.KEEP_FREE >> 20) + " MiB free to take writes")
                + ")",
                "Nothing was written to the file, and every acknowledged write is in it. Give the disk room (delete "
                        + "other files, or grow the volume), then start again; or point broadsheet.store.data-dir "
                        + "at a copy of the data directory on a disk with room.", null);
    }

    private static StoreStartupException cannotWrite(Path file, String cause, Throwable failure) {
        return new StoreStartupException("Cannot write the data file " + file + ": " + cause,
                "Broadsheet acknowledges only what it has stored, so it does not start on a store it cannot write. "
                        + "Make the file and its folder writable (and give the disk room), or point "
                        + "broadsheet.store.data-dir elsewhere.", failure);
    }

    /**
     * An interrupt closes the file under H2's reads, which it then reports as a damaged file
     * ({@code File is corrupted - unable to recover a valid set of chunks}) although nothing is wrong with it.
     */
    private static StoreStartupException interrupted(Path file, Throwable failure) {
        return new StoreStartupException("Opening the data file " + file + " was interrupted (the file was not "
                + "checked, and not changed)", "Start again.", failure);
    }

    private static StoreStartupException unreadable(Path file, Throwable failure) {
        return Thread.currentThread().isInterrupted() ? interrupted(file, failure) : damaged(file, failure);
    }

    private static StoreStartupException damaged(Path file, Throwable failure) {
        return new StoreStartupException("The data file " + file + " is damaged and cannot be read ("
                + rootMessage(failure) + ")", RESTORE, failure);
    }
}
