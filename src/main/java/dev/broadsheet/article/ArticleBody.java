package dev.broadsheet.article;

import dev.broadsheet.donation.DonationBlock.Placement.Position;
import dev.broadsheet.donation.PlacedAppeal;
import java.util.ArrayList;
import java.util.List;

/**
 * Places donation appeals into an article body by their rules: at the start, after the n-th paragraph,
 * or at the end. A rule naming a paragraph the article does not have places nothing.
 */
final class ArticleBody {

    private ArticleBody() {
    }

    /** Returns the served body: stored blocks and {@link dev.broadsheet.donation.DonationAppeal}s, in order. */
    static List<Object> withAppeals(List<Block> blocks, List<PlacedAppeal> appeals) {
        List<Object> served = new ArrayList<>(blocks.size() + appeals.size());
        placeAt(served, appeals, Position.START, 0);
        int paragraphs = 0;
        for (Block block : blocks) {
            served.add(block);
            if (block instanceof Block.ParagraphBlock) {
                paragraphs++;
                placeAt(served, appeals, Position.AFTER_PARAGRAPH, paragraphs);
            }
        }
        placeAt(served, appeals, Position.END, 0);
        return served;
    }

    private static void placeAt(List<Object> served, List<PlacedAppeal> appeals, Position position, int paragraph) {
        for (PlacedAppeal placed : appeals) {
            if (placed.placement().position() == position
                    && (position != Position.AFTER_PARAGRAPH || placed.placement().paragraph() == paragraph)) {
                served.add(placed.appeal());
            }
        }
    }
}
