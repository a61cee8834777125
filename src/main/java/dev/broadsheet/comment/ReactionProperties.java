package dev.broadsheet.comment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perClient    reactions one client address may add per {@code period} (editors are exempt;
 *                     repeating a reaction already counted costs nothing)
 * @param period       the refill period of that bucket
 * @param sweepAfter   how old an uncounted reaction must be before the sweeper recounts its comment
 */
@ConfigurationProperties("broadsheet.reactions")
record ReactionProperties(
        @DefaultValue("20") int perClient,
        @DefaultValue("1m") Duration period,
        @DefaultValue("1m") Duration sweepAfter) {
}
