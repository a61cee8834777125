package dev.broadsheet.donation;

import dev.broadsheet.donation.DonationBlock.Placement;
import dev.broadsheet.donation.DonationBlock.Placement.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Places appeals into a body by their rules: at the start (right after the featured image), after the
 * n-th block of any kind, after the n-th paragraph, or at the end. Appeals meeting at one spot come
 * out by priority (higher first), then by id, so the order never depends on storage order. A rule
 * naming a block or paragraph the article does not have places nothing.
 */
public final class AppealLayout {

    private static final Comparator<PlacedAppeal> ORDER = Comparator.comparingInt(PlacedAppeal::priority).reversed()
            .thenComparing(placed -> placed.appeal().id());

    private AppealLayout() {
    }

    /**
     * Returns the served body: the given blocks and {@link DonationAppeal}s, in order.
     *
     * @param isParagraph tells which blocks count for {@code AFTER_PARAGRAPH}
     */
    public static <B> List<Object> place(List<B> blocks, Predicate<? super B> isParagraph, List<PlacedAppeal> appeals) {
        List<PlacedAppeal> ordered = appeals.stream().sorted(ORDER).toList();
        List<Object> served = new ArrayList<>(blocks.size() + appeals.size());
        addWhere(served, ordered, placement -> placement.position() == Position.START);
        int paragraphs = 0;
        for (int i = 0; i < blocks.size(); i++) {
            B block = blocks.get(i);
            served.add(block);
            int blockNumber = i + 1;
            int paragraphNumber = isParagraph.test(block) ? ++paragraphs : -1;
            addWhere(served, ordered, placement -> at(placement, Position.AFTER_BLOCK, placement.block(), blockNumber)
                    || at(placement, Position.AFTER_PARAGRAPH, placement.paragraph(), paragraphNumber));
        }
        addWhere(served, ordered, placement -> placement.position() == Position.END);
        return served;
    }

    private static boolean at(Placement placement, Position position, Integer wanted, int actual) {
        return placement.position() == position && wanted != null && wanted == actual;
    }

    private static void addWhere(List<Object> served, List<PlacedAppeal> ordered, Predicate<Placement> here) {
        for (PlacedAppeal placed : ordered) {
            if (here.test(placed.placement())) {
                served.add(placed.appeal());
            }
        }
    }
}
