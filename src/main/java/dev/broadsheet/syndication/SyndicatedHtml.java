package dev.broadsheet.syndication;

import dev.broadsheet.article.Block;
import dev.broadsheet.embed.EmbeddedPost;
import org.springframework.web.util.HtmlUtils;

/**
 * The body of a syndicated article as HTML for the feeds. Only delivered (or placeholder) images
 * appear; an omitted image leaves nothing behind, not even its URL.
 */
final class SyndicatedHtml {

    private SyndicatedHtml() {
    }

    static String body(SyndicatedArticle article) {
        StringBuilder html = new StringBuilder();
        for (Object block : article.body()) {
            if (block instanceof Block.ParagraphBlock paragraph) {
                html.append("<p>").append(paragraph.html()).append("</p>\n");
            } else if (block instanceof Block.HeadingBlock heading) {
                html.append("<h").append(heading.level()).append('>').append(escape(heading.text()))
                        .append("</h").append(heading.level()).append(">\n");
            } else if (block instanceof Block.QuoteBlock quote) {
                quote(html, quote);
            } else if (block instanceof SyndicatedImageBlock image) {
                figure(html, image.image());
            } else if (block instanceof Block.EmbeddedPostBlock embedded) {
                embedded(html, embedded.post());
            } else if (block instanceof SyndicatedReadMoreBlock more) {
                readMore(html, more);
            }
        }
        return html.toString();
    }

    private static void quote(StringBuilder html, Block.QuoteBlock quote) {
        html.append("<blockquote><p>").append(escape(quote.text())).append("</p>");
        if (quote.speaker() != null) {
            html.append("<footer>").append(escape(quote.speaker()));
            if (quote.source() != null) {
                html.append(", <cite>").append(escape(quote.source())).append("</cite>");
            }
            html.append("</footer>");
        }
        html.append("</blockquote>\n");
    }

    private static void figure(StringBuilder html, SyndicatedImage image) {
        if (!image.carriesAsset()) {
            return;
        }
        html.append("<figure><img src=\"").append(escape(image.asset().url())).append("\" alt=\"")
                .append(escape(image.caption() == null ? "" : image.caption())).append("\"/><figcaption>");
        if (image.caption() != null) {
            html.append(escape(image.caption())).append(' ');
        }
        html.append("<small>").append(escape(image.attribution())).append("</small></figcaption></figure>\n");
    }

    private static void embedded(StringBuilder html, EmbeddedPost post) {
        html.append("<blockquote class=\"embedded-post\"><p>").append(escape(post.text() == null ? "" : post.text()))
                .append("</p><footer>");
        if (post.authorName() != null) {
            html.append(escape(post.authorName())).append(' ');
        }
        html.append("<a href=\"").append(escape(post.url())).append("\">").append(escape(post.url()))
                .append("</a></footer></blockquote>\n");
    }

    private static void readMore(StringBuilder html, SyndicatedReadMoreBlock more) {
        html.append("<p class=\"read-more\">");
        if (more.url() != null) {
            html.append("<a href=\"").append(escape(more.url())).append("\">").append(escape(more.label())).append("</a>");
        } else {
            html.append(escape(more.label()));
        }
        html.append("</p>\n");
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
