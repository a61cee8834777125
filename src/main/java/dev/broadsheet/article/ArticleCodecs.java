package dev.broadsheet.article;

import dev.broadsheet.article.Block.EmbeddedPostBlock;
import dev.broadsheet.article.Block.HeadingBlock;
import dev.broadsheet.article.Block.ImageBlock;
import dev.broadsheet.article.Block.ParagraphBlock;
import dev.broadsheet.article.Block.QuoteBlock;
import dev.broadsheet.article.Block.ReadMoreBlock;
import dev.broadsheet.store.SealedCodec;
import java.util.Map;
import org.bson.codecs.configuration.CodecProvider;

/** Body blocks are stored with a {@code type} discriminator; the names are part of the stored format. */
final class ArticleCodecs {

    static final CodecProvider BLOCKS = SealedCodec.provider(Block.class, "type", Map.of(
            "paragraph", ParagraphBlock.class,
            "heading", HeadingBlock.class,
            "quote", QuoteBlock.class,
            "image", ImageBlock.class,
            "embed", EmbeddedPostBlock.class,
            "readMore", ReadMoreBlock.class));

    private ArticleCodecs() {
    }
}
