package dev.broadsheet.editing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the presence sweep in the background (the embedded server has no TTL indexes). */
@Component
class PresenceSweeper {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);

    private final PresenceService presence;

    PresenceSweeper(PresenceService presence) {
        this.presence = presence;
    }

    @Scheduled(fixedDelayString = "${broadsheet.editing.sweep-interval:10s}",
            initialDelayString = "${broadsheet.editing.sweep-interval:10s}")
    void sweep() {
        try {
            presence.sweep();
        } catch (RuntimeException e) {
            log.debug("Presence sweep failed: {}", e.getMessage());
        }
    }
}
