package dev.broadsheet.donation;

import dev.broadsheet.donation.DonationBlock.CallToAction;
import dev.broadsheet.donation.DonationBlock.Placement;
import dev.broadsheet.donation.DonationBlock.Placement.Position;
import dev.broadsheet.donation.DonationBlock.Variant;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Inputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an editor sends to create a donation block or to replace its wording and rules (an update
 * sends the whole form: an omitted optional field is cleared).
 */
record DonationBlockInput(
        String name,
        String heading,
        String body,
        CallToAction callToAction,
        List<Variant> variants,
        List<Placement> placements,
        List<String> sections,
        List<String> tags,
        Instant activeFrom,
        Instant activeUntil,
        DonationBlock.Kind kind,
        Integer priority) {

    static final int MAX_VARIANTS = 10;
    static final int MAX_PLACEMENTS = 10;
    static final int MAX_PARAGRAPH = 1000;
    static final int MAX_PRIORITY = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** Checks every field (errors name paths under {@code path}) and returns the block it describes. */
    DonationBlock toBlock(String path, String id, DonationBlock.Status status, long version) {
        String name = Inputs.requireText(path + ".name", this.name, 100).strip();
        String heading = Inputs.requireText(path + ".heading", this.heading, 200).strip();
        String body = optional(path + ".body", this.body, 5000);
        CallToAction callToAction = callToAction(path + ".callToAction", this.callToAction);
        List<Variant> variants = variants(path + ".variants");
        List<Placement> placements = placements(path + ".placements");
        List<String> sections = labels(path + ".sections", this.sections, 20);
        List<String> tags = labels(path + ".tags", this.tags, 50);
        if (activeFrom != null && activeUntil != null && !activeFrom.isBefore(activeUntil)) {
            throw ApiException.validation(path + ".activeUntil", "activeUntil must be after activeFrom");
        }
        int priority = this.priority == null ? 0 : this.priority;
        if (Math.abs(priority) > MAX_PRIORITY) {
            throw ApiException.validation(path + ".priority", "priority must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY);
        }
        return new DonationBlock(id, name, heading, body, callToAction, variants, placements, sections, tags,
                activeFrom, activeUntil, status, version, kind == null ? DonationBlock.Kind.DONATION : kind, priority);
    }

    private List<Variant> variants(String path) {
        if (variants == null) {
            return List.of();
        }
        Inputs.maxSize(path, variants, MAX_VARIANTS);
        Set<String> keys = new HashSet<>();
        List<Variant> checked = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            String at = path + "[" + i + "]";
            String key = Inputs.requireText(at + ".key", variant.key(), 40).strip();
            if (!KEY.matcher(key).matches()) {
                throw ApiException.validation(at + ".key", "key may hold only letters, digits, '-' and '_'");
            }
            if (!keys.add(key)) {
                throw ApiException.validation(at + ".key", "key " + key + " is used by another variant of this block");
            }
            checked.add(new Variant(key, optional(at + ".heading", variant.heading(), 200),
                    optional(at + ".body", variant.body(), 5000), callToAction(at + ".callToAction", variant.callToAction())));
        }
        return List.copyOf(checked);
    }

    private List<Placement> placements(String path) {
        if (placements == null || placements.isEmpty()) {
            throw ApiException.validation(path, "at least one placement is required");
        }
        Inputs.maxSize(path, placements, MAX_PLACEMENTS);
        List<Placement> checked = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            String at = path + "[" + i + "]";
            if (placement.position() == null) {
                throw ApiException.validation(at + ".position", "position is required");
            }
            number(at, "paragraph", placement.paragraph(), placement.position() == Position.AFTER_PARAGRAPH,
                    Position.AFTER_PARAGRAPH);
            number(at, "block", placement.block(), placement.position() == Position.AFTER_BLOCK, Position.AFTER_BLOCK);
            if (checked.contains(placement)) {
                throw ApiException.validation(at, "the same placement is listed twice");
            }
            checked.add(placement);
        }
        return List.copyOf(checked);
    }

    private static void number(String at, String field, Integer value, boolean needed, Position position) {
        if (needed && (value == null || value < 1 || value > MAX_PARAGRAPH)) {
            throw ApiException.validation(at + "." + field, position + " needs a " + field + " from 1 to " + MAX_PARAGRAPH);
        }
        if (!needed && value != null) {
            throw ApiException.validation(at + "." + field, field + " applies only to " + position);
        }
    }

    private static CallToAction callToAction(String path, CallToAction cta) {
        if (cta == null) {
            return null;
        }
        return new CallToAction(Inputs.requireText(path + ".label", cta.label(), 80).strip(),
                Inputs.requireHttpUrl(path + ".url", cta.url()));
    }

    private static List<String> labels(String path, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        Inputs.maxSize(path, values, max);
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = Inputs.requireText(path + "[" + i + "]", values.get(i), 60).strip();
            if (!checked.contains(value)) {
                checked.add(value);
            }
        }
        return List.copyOf(checked);
    }

    private static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : Inputs.optionalText(field, value, max).strip();
    }
}
