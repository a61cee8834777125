package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.cache.ChangeFollower;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs a measurement while no background work of the application can send a MongoDB command, so that
 * a command count taken around it holds only the request's own commands. Tagging a query as background
 * keeps that query out of the count, but not what follows from it (a sweep that finds work writes, a
 * change the follower republishes makes listeners reload), so the measurement holds the workers
 * themselves: every thread of the {@code @Scheduled} task scheduler (sweepers, scheduled publishing,
 * webhook rounds, the settled-sequence observer) parks on a latch, the change follower's round is kept
 * out through its monitor, and the start-up search rebuild is awaited.
 */
final class QuietBackground {

    private static final long CEILING_SECONDS = 30;

    private QuietBackground() {
    }

    static <T> T during(ThreadPoolTaskScheduler scheduler, ChangeFollower follower, Supplier<T> measurement) {
        awaitThreadNamed("search-rebuild");
        int threads = scheduler.getScheduledThreadPoolExecutor().getCorePoolSize();
        CountDownLatch holding = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            scheduler.execute(() -> {
                holding.countDown();
                try {
                    release.await(CEILING_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(await(holding)).as("every scheduler thread parked").isTrue();
            synchronized (follower) { // ChangeFollower.poll() is synchronized on the follower
                return measurement.get();
            }
        } finally {
            release.countDown();
        }
    }

    private static void awaitThreadNamed(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(CEILING_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(thread.isAlive()).as(name + " still running").isFalse();
            }
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(CEILING_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
