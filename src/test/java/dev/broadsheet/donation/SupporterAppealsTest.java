package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.donation.DonationBlock.Kind;
import dev.broadsheet.donation.DonationBlock.Placement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which kinds of appeal a reader sees, by whether they already support the newsroom. */
class SupporterAppealsTest {

    @Test
    void readersWhoDoNotSupportYetSeeEveryKind() {
        assertThat(shown(false, false)).containsExactly(Kind.DONATION, Kind.MEMBERSHIP, Kind.AD_FREE);
        assertThat(shown(false, true)).containsExactly(Kind.DONATION, Kind.MEMBERSHIP, Kind.AD_FREE);
    }

    @Test
    void supportersSeeNoAppealByDefault() {
        assertThat(shown(true, false)).isEmpty();
    }

    @Test
    void supportersSeeOnlyTheMembershipUpsellWhereTheNewsroomTurnsItOn() {
        assertThat(shown(true, true)).containsExactly(Kind.MEMBERSHIP);
    }

    @Test
    void theServedAppealCarriesItsKind() {
        DonationBlock block = block(Kind.AD_FREE);

        assertThat(block.appealFor(null).kind()).isEqualTo(Kind.AD_FREE);
        assertThat(block.appealFor(3).kind()).isEqualTo(Kind.AD_FREE);
    }

    private static List<Kind> shown(boolean supporter, boolean upsell) {
        return Arrays.stream(Kind.values()).map(SupporterAppealsTest::block)
                .filter(block -> block.shownTo(supporter, upsell)).map(DonationBlock::kind).toList();
    }

    private static DonationBlock block(Kind kind) {
        return new DonationBlock("b-" + kind, "n", "h", null, null,
                List.of(new DonationBlock.Variant("v", null, null, null)), List.of(Placement.atEnd()), List.of(),
                List.of(), null, null, DonationBlock.Status.ACTIVE, 1, kind, 0);
    }
}
