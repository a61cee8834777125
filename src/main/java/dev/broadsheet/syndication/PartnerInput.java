package dev.broadsheet.syndication;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.util.List;
import java.util.regex.Pattern;

/** What an admin sends to create a partner or replace its terms. */
record PartnerInput(String name, Boolean commercial, List<String> sections, Integer embargoMinutes) {

    static final int MAX_SECTIONS = 50;
    static final int MAX_EMBARGO_MINUTES = 60 * 24 * 30;
    private static final Pattern SECTION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    Partner toPartner(String id, java.time.Instant createdAt, long version) {
        if (commercial == null) {
            throw ApiException.validation("input.commercial", "commercial is required");
        }
        String cleanName = Inputs.requireText("input.name", name, 200).strip();
        List<String> cleanSections = sections == null ? List.of() : sections.stream().map(String::strip).distinct().toList();
        Inputs.maxSize("input.sections", cleanSections, MAX_SECTIONS);
        for (int i = 0; i < cleanSections.size(); i++) {
            if (!SECTION.matcher(cleanSections.get(i)).matches()) {
                throw ApiException.validation("input.sections[" + i + "]",
                        "A section is lower-case letters and digits separated by hyphens");
            }
        }
        int embargo = embargoMinutes == null ? 0 : embargoMinutes;
        if (embargo < 0 || embargo > MAX_EMBARGO_MINUTES) {
            throw ApiException.validation("input.embargoMinutes", "embargoMinutes must be between 0 and "
                    + MAX_EMBARGO_MINUTES);
        }
        return new Partner(id, cleanName, commercial, cleanSections, embargo, createdAt, version);
    }
}
