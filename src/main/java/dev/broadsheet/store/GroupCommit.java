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
 */
final class GroupCommit implements AutoCloseable {

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
