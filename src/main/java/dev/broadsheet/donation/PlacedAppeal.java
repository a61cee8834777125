package dev.broadsheet.donation;

/** An appeal and where its rule puts it in an article body. */
public record PlacedAppeal(DonationBlock.Placement placement, DonationAppeal appeal) {
}
