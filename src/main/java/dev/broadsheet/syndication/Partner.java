package dev.broadsheet.syndication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A syndication partner and its terms.
 *
 * @param commercial     a commercial partner never receives non-commercial (-NC) images
 * @param sections       the sections it receives; empty means all
 * @param embargoMinutes minutes after {@code publishedAt} before the partner sees an article
 *                       (public only for the driver's record codec)
 */
public record Partner(
        @BsonId String id,
        String name,
        boolean commercial,
        List<String> sections,
        int embargoMinutes,
        Instant createdAt,
        long version) {

    public Partner {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    boolean receivesSection(String section) {
        return sections.isEmpty() || sections.contains(section);
    }

    /** When an article published at {@code publishedAt} becomes visible to this partner. */
    Instant releaseOf(Instant publishedAt) {
        return publishedAt.plus(Duration.ofMinutes(embargoMinutes));
    }
}
