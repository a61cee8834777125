package dev.broadsheet.article;

import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Puts scheduled articles live. Every instance runs it; each due article's conditional update lets
 * exactly one of them publish it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledPublishing {

    static final Caller SCHEDULER = new Caller("system:scheduler", "scheduled publishing", Role.ADMIN);

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final ArticleEditing editing;

    ScheduledPublishing(ArticleEditing editing) {
        this.editing = editing;
    }

    @Scheduled(fixedDelayString = "${broadsheet.articles.schedule-check-interval:PT5S}")
    void publishDue() {
        try {
            int published = editing.publishDue(SCHEDULER);
            if (published > 0) {
                log.info("Published {} scheduled article(s)", published);
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled publishing failed; retrying on the next tick: {}", e.toString());
        }
    }
}
