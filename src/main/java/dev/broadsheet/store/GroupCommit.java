package dev.broadsheet.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded store: a writer takes a ticket once its change is in the MVStore, then
 * waits until a commit that started after its ticket has reached the file. One commit (and one fsync)
 * serves every writer waiting at that moment, so the cost of durability is shared under load.
 *
 * <p>A commit failure fails every writer waiting for it; the caller decides what happens to the store
 * (MVStore closes itself after a failed write).
 *
 * <p>The committer also does the housekeeping H2's own background writer would do (it is off, so that
 * every commit happens here): at most every 250 ms it rewrites up to 1 MiB of live pages of the emptiest chunks,
 * so that the next commit leaves those chunks dead and their space is reused. Without it a stream of
 * small commits leaves every chunk a little bit live and the file grows by tens of kilobytes per post
 * until the disk is full.
 */
final class GroupCommit implements AutoCloseable {

    private static final long COMPACT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Rewrite chunks while less than this share of the bytes they hold is live. */
    private static final int COMPACT_BELOW_FILL_RATE = 80;
    /**
     * At most this many live bytes rewritten per housekeeping round. The rewritten pages form one chunk, which
     * needs that much contiguous free space: in a fragmented file a 4 MiB chunk went to the end of the file, and
     * a restart (whose first rounds find a backlog) grew the file by 3 MB in 2 s (1 MiB rounds: not at all).
     */
    private static final int COMPACT_BYTES = 1 << 20;

    private final MVStore store;
    private final LongConsumer committed;
    private final Duration maxWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread committer;
    private long issued;
    private long durable;
    private long failedUpTo;
    private RuntimeException failure;
    private volatile boolean closed;
    private long commits;
    private long lastCompaction = System.nanoTime();

    GroupCommit(MVStore store, Duration maxWait, String threadName, LongConsumer committed) {
        this.store = store;
        this.committed = committed;
        this.maxWait = maxWait;
        this.committer = new Thread(this::run, threadName);
        committer.setDaemon(true);
        committer.start();
    }

    /** Returns once everything this thread wrote before the call is in the file; throws if that commit failed. */
    void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++issued;
            work.signal();
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (durable < ticket) {
                if (failedUpTo >= ticket) {
                    throw failure;
                }
                if (closed) {
                    throw new IllegalStateException("The embedded store is closing");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("The embedded store did not commit within " + maxWait);
                }
                done.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded store to commit", e);
        } finally {
            lock.unlock();
        }
    }

    /** Commits made so far (each serving one group of writers). */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            long target;
            lock.lock();
            try {
                while (issued <= Math.max(durable, failedUpTo) && !closed) {
                    work.await(1, TimeUnit.SECONDS);
                }
                if (closed) {
                    return;
                }
                target = issued;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            RuntimeException failed = null;
            try {
                store.commit();
                store.sync();
                committed.accept(store.getCurrentVersion());
            } catch (RuntimeException e) {
                failed = e;
            }
            lock.lock();
            try {
                commits++;
                if (failed == null) {
                    durable = target;
                } else {
                    failure = failed;
                    failedUpTo = target;
                }
                done.signalAll();
            } finally {
                lock.unlock();
            }
            if (failed == null) {
                compactNowAndThen();
            }
        }
    }

    /** The rewritten pages go to the file with the next commit; the chunks they leave are then reused. */
    private void compactNowAndThen() {
        long now = System.nanoTime();
        if (now - lastCompaction >= COMPACT_EVERY_NANOS) {
            lastCompaction = now;
            try {
                store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_BYTES);
            } catch (RuntimeException e) {
                // The store closed itself (a failed read or write); the next commit reports it to the writers.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            work.signalAll();
            done.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            committer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
