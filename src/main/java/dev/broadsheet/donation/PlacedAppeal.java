package dev.broadsheet.donation;

/** An appeal, where its rule puts it in an article body, and its priority at that position. */
public record PlacedAppeal(DonationBlock.Placement placement, DonationAppeal appeal, int priority) {

    public PlacedAppeal(DonationBlock.Placement placement, DonationAppeal appeal) {
        this(placement, appeal, 0);
    }
}
