package dev.broadsheet.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Background work that runs in rounds on a daemon thread of its own, from the application's start until
 * it stops: each round {@code delay} after the previous one ended, the first one {@code delay} after the
 * start. Stopping interrupts a round in progress.
 */
public final class PeriodicTask implements SmartLifecycle {

    private final String threadName;
    private final Duration delay;
    private final Runnable round;
    private ScheduledExecutorService executor;

    public PeriodicTask(String threadName, Duration delay, Runnable round) {
        this.threadName = threadName;
        this.delay = delay;
        this.round = round;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(round, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
