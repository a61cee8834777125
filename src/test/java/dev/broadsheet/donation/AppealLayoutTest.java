package dev.broadsheet.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.donation.DonationBlock.Kind;
import dev.broadsheet.donation.DonationBlock.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placement rules as plain functions: blocks are strings here, paragraphs start with "p". */
class AppealLayoutTest {

    private static final List<String> BODY = List.of("p1", "heading", "p2", "quote", "p3", "embed");

    @Test
    void startGoesBeforeTheFirstBlockAndEndAfterTheLast() {
        List<Object> served = place(BODY, appeal("a", Placement.atStart(), 0), appeal("z", Placement.atEnd(), 0));

        assertThat(served).containsExactly("a", "p1", "heading", "p2", "quote", "p3", "embed", "z");
    }

    @Test
    void afterBlockCountsBlocksOfEveryKind() {
        List<Object> served = place(BODY, appeal("a", Placement.afterBlock(4), 0));

        assertThat(served).containsExactly("p1", "heading", "p2", "quote", "a", "p3", "embed");
    }

    @Test
    void afterParagraphCountsOnlyParagraphs() {
        List<Object> served = place(BODY, appeal("a", Placement.afterParagraph(2), 0));

        assertThat(served).containsExactly("p1", "heading", "p2", "a", "quote", "p3", "embed");
    }

    @Test
    void aRuleNamingABlockOrParagraphTheArticleLacksPlacesNothing() {
        List<Object> served = place(BODY, appeal("a", Placement.afterBlock(7), 0), appeal("b", Placement.afterParagraph(4), 0));

        assertThat(served).containsExactlyElementsOf(BODY);
    }

    @Test
    void afterTheLastBlockComesBeforeTheEnd() {
        List<Object> served = place(BODY, appeal("end", Placement.atEnd(), 100), appeal("last", Placement.afterBlock(6), 0));

        assertThat(served).endsWith("embed", "last", "end");
    }

    @Test
    void higherPriorityComesFirstAtOnePositionWhateverTheInputOrder() {
        PlacedAppeal low = appeal("a-low", Placement.atEnd(), 0);
        PlacedAppeal high = appeal("z-high", Placement.atEnd(), 10);

        assertThat(place(List.of("p1"), low, high)).containsExactly("p1", "z-high", "a-low");
        assertThat(place(List.of("p1"), high, low)).containsExactly("p1", "z-high", "a-low");
    }

    @Test
    void equalPrioritiesFallBackToIdOrder() {
        assertThat(place(List.of(), appeal("b", Placement.atStart(), 0), appeal("a", Placement.atStart(), 0)))
                .containsExactly("a", "b");
    }

    @Test
    void aBlockAndAParagraphRuleMeetingAtOneSpotAreOrderedTogetherByPriority() {
        List<Object> served = place(BODY, appeal("by-paragraph", Placement.afterParagraph(1), 0),
                appeal("by-block", Placement.afterBlock(1), 5));

        assertThat(served).startsWith("p1", "by-block", "by-paragraph", "heading");
    }

    @Test
    void oneAppealCanStandAtSeveralPositions() {
        DonationAppeal shortLine = new DonationAppeal("short", "Go ad-free", null, null, null, Kind.AD_FREE);
        List<Object> served = AppealLayout.place(BODY, b -> b.startsWith("p"), List.of(
                new PlacedAppeal(Placement.atStart(), shortLine, 0),
                new PlacedAppeal(Placement.afterBlock(4), shortLine, 0),
                new PlacedAppeal(Placement.atEnd(), shortLine, 0)));

        assertThat(served).filteredOn(shortLine::equals).hasSize(3);
        assertThat(served.indexOf(shortLine)).isZero();
        assertThat(served.get(5)).isEqualTo(shortLine);
        assertThat(served.get(served.size() - 1)).isEqualTo(shortLine);
    }

    private static List<Object> place(List<String> body, PlacedAppeal... appeals) {
        return AppealLayout.place(body, b -> b.startsWith("p"), List.of(appeals)).stream()
                .map(item -> item instanceof DonationAppeal appeal ? appeal.id() : item).toList();
    }

    private static PlacedAppeal appeal(String id, Placement placement, int priority) {
        return new PlacedAppeal(placement, new DonationAppeal(id, "Heading " + id, null, null, null, Kind.DONATION), priority);
    }
}
