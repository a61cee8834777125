package dev.broadsheet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The free space beside the embedded store's file, and the floor the store keeps: it stops taking writes before
 * the disk is full, so that what a restart and a recovery must write (the test write, start-up writes, the first
 * commits) still has room, and a commit rarely meets a full disk half-way through its chunk.
 *
 * <p>Writes are refused below {@link #KEEP_FREE}; they are taken again from {@link #RESUME_AT} (so that a store
 * hovering at the floor does not flap), and a start needs {@link #KEEP_FREE}.
 */
final class DiskRoom {

    static final long KEEP_FREE = 8L << 20;
    static final long RESUME_AT = 12L << 20;

    private final Path file;
    private final LongSupplier freeBytes;

    DiskRoom(Path file, LongSupplier freeBytes) {
        this.file = file;
        this.freeBytes = freeBytes;
    }

    /** Free bytes on the disk itself. */
    static DiskRoom onDisk(Path file) {
        return new DiskRoom(file, () -> usableSpace(file.getParent()));
    }

    long free() {
        return freeBytes.getAsLong();
    }

    /** Why writes must stop now, or null while the disk has room to spare. */
    String shortage() {
        long free = free();
        return free >= KEEP_FREE ? null : "The disk holding " + file + " has " + free + " bytes free; writes are "
                + "refused below " + (KEEP_FREE >> 20) + " MiB so that a restart and recovery keep room";
    }

    boolean enoughToResume() {
        return free() >= RESUME_AT;
    }

    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: the test writes and commits still say whether the disk takes writes
        }
    }
}
