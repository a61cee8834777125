package dev.broadsheet.editing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the presence sweep in the background (the embedded server has no TTL indexes). */
@Component
class PresenceSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);

    private final PresenceService presence;
    private final EditingProperties properties;
    private ScheduledExecutorService executor;

    PresenceSweeper(PresenceService presence, EditingProperties properties) {
        this.presence = presence;
        this.properties = properties;
    }

    private void sweepQuietly() {
        try {
            presence.sweep();
        } catch (RuntimeException e) {
            log.debug("Presence sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
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
