package dev.broadsheet.article;

import dev.broadsheet.donation.AppealLayout;
import dev.broadsheet.donation.PlacedAppeal;
import java.util.List;

/** Places donation appeals into an article body by their rules (see {@link AppealLayout}). */
final class ArticleBody {

    private ArticleBody() {
    }

    /** Returns the served body: stored blocks and {@link dev.broadsheet.donation.DonationAppeal}s, in order. */
    static List<Object> withAppeals(List<Block> blocks, List<PlacedAppeal> appeals) {
        return AppealLayout.place(blocks, block -> block instanceof Block.ParagraphBlock, appeals);
    }
}
