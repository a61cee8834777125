package dev.broadsheet.editing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is editing an article.
 *
 * @param window        an editor counts as editing for this long after their last startEditing
 *                      (the admin UI repeats it every 30 s)
 * @param sweepInterval how often lapsed presence is marked gone (and announced) and old records removed
 * @param keepGone      how long a gone record is kept before it is deleted (other instances read it first)
 */
@ConfigurationProperties("broadsheet.editing")
public record EditingProperties(
        @DefaultValue("60s") Duration window,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("1h") Duration keepGone) {
}
