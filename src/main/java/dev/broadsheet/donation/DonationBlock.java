package dev.broadsheet.donation;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A donation appeal kept once and placed into articles by rule.
 *
 * @param body       plain text, or null for an appeal that is only a heading or one linked line
 * @param sections   sections it is placed in; empty means every section
 * @param tags       tags of which an article must carry one; empty means any article
 * @param variants   alternative wordings; a reader bucket picks one deterministically
 * @param placements where in the body it goes
 * @param kind       what the appeal asks for; decides what supporters see
 * @param priority   order among appeals at one position: higher first, then by id; boxed so that a
 *                   block stored before priorities existed reads back (at 0)
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
        long version,
        Kind kind,
        Integer priority) {

    /** Blocks stored before kinds and priorities have neither: they read back as DONATION at 0. */
    public DonationBlock {
        kind = kind == null ? Kind.DONATION : kind;
        priority = priority == null ? 0 : priority;
    }

    /** A DONATION appeal at priority 0 (the shape blocks had before kinds and priorities). */
    public DonationBlock(String id, String name, String heading, String body, CallToAction callToAction,
            List<Variant> variants, List<Placement> placements, List<String> sections, List<String> tags,
            Instant activeFrom, Instant activeUntil, Status status, long version) {
        this(id, name, heading, body, callToAction, variants, placements, sections, tags, activeFrom, activeUntil,
                status, version, Kind.DONATION, 0);
    }

    public enum Status { ACTIVE, ARCHIVED }

    /** What an appeal asks for. Supporters already give, so only a MEMBERSHIP upsell may still reach them. */
    public enum Kind { DONATION, MEMBERSHIP, AD_FREE }

    public record CallToAction(String label, String url) {
    }

    public record Variant(String key, String heading, String body, CallToAction callToAction) {
    }

    /**
     * Where an appeal goes. {@code START} is right after the featured image, before the first block.
     *
     * @param paragraph 1-based paragraph after which the block goes, for {@code AFTER_PARAGRAPH}
     * @param block     1-based body block (of any kind) after which it goes, for {@code AFTER_BLOCK}
     */
    public record Placement(Position position, Integer paragraph, Integer block) {

        public enum Position { START, AFTER_BLOCK, AFTER_PARAGRAPH, END }

        public Placement(Position position, Integer paragraph) {
            this(position, paragraph, null);
        }

        public static Placement atStart() {
            return new Placement(Position.START, null, null);
        }

        public static Placement afterBlock(int block) {
            return new Placement(Position.AFTER_BLOCK, null, block);
        }

        public static Placement afterParagraph(int paragraph) {
            return new Placement(Position.AFTER_PARAGRAPH, paragraph, null);
        }

        public static Placement atEnd() {
            return new Placement(Position.END, null, null);
        }
    }

    boolean appliesTo(String section, List<String> articleTags, Instant now) {
        return status == Status.ACTIVE
                && (activeFrom == null || !now.isBefore(activeFrom))
                && (activeUntil == null || now.isBefore(activeUntil))
                && (sections.isEmpty() || sections.contains(section))
                && (tags.isEmpty() || articleTags.stream().anyMatch(tags::contains));
    }

    /**
     * Whether a reader sees this appeal: everyone who does not support yet does; a supporter sees
     * only a MEMBERSHIP upsell, and only where the newsroom turns {@code supporterUpsell} on.
     */
    boolean shownTo(boolean supporter, boolean supporterUpsell) {
        return !supporter || (supporterUpsell && kind == Kind.MEMBERSHIP);
    }

    /** The wording a reader in {@code bucket} sees: the same variant on every page for the same bucket. */
    DonationAppeal appealFor(Integer bucket) {
        if (bucket == null || variants.isEmpty()) {
            return new DonationAppeal(id, heading, body, callToAction, null, kind);
        }
        Variant variant = variants.get(Math.floorMod(bucket, variants.size()));
        return new DonationAppeal(id,
                variant.heading() != null ? variant.heading() : heading,
                variant.body() != null ? variant.body() : body,
                variant.callToAction() != null ? variant.callToAction() : callToAction,
                variant.key(), kind);
    }
}
