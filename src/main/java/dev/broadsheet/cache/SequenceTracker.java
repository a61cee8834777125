package dev.broadsheet.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Follows the global write sequence without losing a late commit. A write can take number 10 and
 * commit after 11 was read, so a number missing below the highest one seen is a gap, not a loss: the
 * {@link #floor()} stays below it, and it is read again on every poll until it shows up or its grace
 * period has passed (the write failed, or the number went to a collection nobody follows).
 */
final class SequenceTracker {

    /** One document written at {@code seq}. */
    record Change(String collection, String id, long seq) {
    }

    private final long graceNanos;
    private final LongSupplier nanoTime;
    private long floor;
    private long highest;
    private final Set<Long> seen = new HashSet<>();
    private final Map<Long, Long> gapSince = new HashMap<>();

    SequenceTracker(long floor, long graceNanos, LongSupplier nanoTime) {
        this.floor = floor;
        this.highest = floor;
        this.graceNanos = graceNanos;
        this.nanoTime = nanoTime;
    }

    /** Every number up to here was seen or given up: read what has {@code seq > floor()}. */
    synchronized long floor() {
        return floor;
    }

    /** Numbers known to be missing, still looked for. */
    synchronized Set<Long> gaps() {
        return Set.copyOf(gapSince.keySet());
    }

    /** Marks a number as delivered already (a write of this instance). */
    synchronized void seen(long seq) {
        if (seq > floor) {
            seen.add(seq);
            highest = Math.max(highest, seq);
        }
    }

    /**
     * Takes what one poll found (any order, already-seen numbers included) and returns the changes not
     * delivered before.
     */
    synchronized List<Change> accept(List<Change> found) {
        List<Change> fresh = new ArrayList<>();
        for (Change change : found) {
            if (change.seq() > floor && seen.add(change.seq())) {
                fresh.add(change);
                highest = Math.max(highest, change.seq());
            }
        }
        long now = nanoTime.getAsLong();
        for (long seq = floor + 1; seq < highest; seq++) {
            if (!seen.contains(seq)) {
                gapSince.putIfAbsent(seq, now);
            }
        }
        gapSince.keySet().removeAll(seen);
        while (floor < highest) {
            long next = floor + 1;
            Long since = gapSince.get(next);
            if (seen.remove(next)) {
                floor = next;
            } else if (since != null && now - since >= graceNanos) {
                gapSince.remove(next);
                floor = next;
            } else {
                break;
            }
        }
        return fresh;
    }
}
