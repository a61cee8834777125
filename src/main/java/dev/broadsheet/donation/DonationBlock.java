package dev.broadsheet.donation;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A donation appeal kept once and placed into articles by rule.
 *
 * @param sections   sections it is placed in; empty means every section
 * @param tags       tags of which an article must carry one; empty means any article
 * @param variants   alternative wordings; a reader bucket picks one deterministically
 * @param placements where in the body it goes
 */
public record DonationBlock(
        @BsonId String id,
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
        Status status,
        long version) {

    public enum Status { ACTIVE, ARCHIVED }

    public record CallToAction(String label, String url) {
    }

    public record Variant(String key, String heading, String body, CallToAction callToAction) {
    }

    /** @param paragraph 1-based paragraph after which the block goes, for {@code AFTER_PARAGRAPH} */
    public record Placement(Position position, Integer paragraph) {

        public enum Position { START, AFTER_PARAGRAPH, END }

        public static Placement afterParagraph(int paragraph) {
            return new Placement(Position.AFTER_PARAGRAPH, paragraph);
        }

        public static Placement atEnd() {
            return new Placement(Position.END, null);
        }
    }

    boolean appliesTo(String section, List<String> articleTags, Instant now) {
        return status == Status.ACTIVE
                && (activeFrom == null || !now.isBefore(activeFrom))
                && (activeUntil == null || now.isBefore(activeUntil))
                && (sections.isEmpty() || sections.contains(section))
                && (tags.isEmpty() || articleTags.stream().anyMatch(tags::contains));
    }

    /** The wording a reader in {@code bucket} sees: the same variant on every page for the same bucket. */
    DonationAppeal appealFor(Integer bucket) {
        if (bucket == null || variants.isEmpty()) {
            return new DonationAppeal(id, heading, body, callToAction, null);
        }
        Variant variant = variants.get(Math.floorMod(bucket, variants.size()));
        return new DonationAppeal(id,
                variant.heading() != null ? variant.heading() : heading,
                variant.body() != null ? variant.body() : body,
                variant.callToAction() != null ? variant.callToAction() : callToAction,
                variant.key());
    }
}
