package dev.broadsheet.donation;

/**
 * A donation block as served in an article body (the GraphQL type {@code DonationBlock}), with the
 * wording of the variant chosen for the reader.
 *
 * @param body    null for an appeal that is only a heading or a linked line
 * @param variant key of the variant served, or null for the block's own wording
 */
public record DonationAppeal(String id, String heading, String body, DonationBlock.CallToAction callToAction,
        String variant, DonationBlock.Kind kind) {
}
