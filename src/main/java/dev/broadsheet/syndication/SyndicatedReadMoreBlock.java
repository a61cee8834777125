package dev.broadsheet.syndication;

import dev.broadsheet.article.Block;

/**
 * "Read on..." in a syndicated body: the label, an outside URL, or the id of one of our articles (the
 * partner looks it up with syndicatedArticle, which applies its own terms). Not the reader type, whose
 * nested article would show images the partner may not receive.
 */
record SyndicatedReadMoreBlock(String label, String articleId, String url) {

    static SyndicatedReadMoreBlock of(Block.ReadMoreBlock block) {
        return new SyndicatedReadMoreBlock(block.label(), block.articleId(), block.url());
    }
}
