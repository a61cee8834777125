package dev.broadsheet.article;

import static dev.broadsheet.api.Inputs.maxSize;
import static dev.broadsheet.api.Inputs.optionalHttpUrl;
import static dev.broadsheet.api.Inputs.optionalText;
import static dev.broadsheet.api.Inputs.requireText;

import dev.broadsheet.article.ArticleInput.BlockInput;
import dev.broadsheet.article.ArticleInput.ImageUsageInput;
import dev.broadsheet.article.ArticleInput.ParagraphInput;
import dev.broadsheet.article.ArticleInput.TextSpanInput;
import dev.broadsheet.author.Author;
import dev.broadsheet.author.AuthorService;
import dev.broadsheet.embed.EmbedService;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.media.ImageUsage;
import dev.broadsheet.media.MediaAsset;
import dev.broadsheet.media.MediaService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks editors' input and turns it into domain values, before anything is written. Every failure is
 * a VALIDATION error naming the field by its path, e.g. {@code input.body[3].image.crop}.
 */
@Component
class ArticleInputs {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_BLOCKS = 500;

    private final MediaService media;
    private final EmbedService embeds;
    private final ArticleStore articles;
    private final AuthorService authors;

    ArticleInputs(MediaService media, EmbedService embeds, ArticleStore articles, AuthorService authors) {
        this.media = media;
        this.embeds = embeds;
        this.articles = articles;
        this.authors = authors;
    }

    /** Applies the non-null fields of {@code input} to {@code current}, checking each. */
    Article merge(Article current, ArticleInput input) {
        String slug = input.slug() == null ? current.slug() : slug(input.slug());
        List<Article.Author> bylines = current.authors();
        List<String> authorIds = current.authorIds();
        if (input.authorIds() != null) {
            authorIds = authorIds(input.authorIds());
            Map<String, Author> found = authors.findAll(authorIds);
            bylines = authorIds.stream().map(found::get).map(a -> new Article.Author(a.name(), a.url())).toList();
        } else if (input.authors() != null) {
            bylines = authors(input.authors());
            authorIds = bylines.stream().map(b -> authors.idForByline(b.name(), b.url())).distinct().toList();
        }
        return new Article(current.id(),
                slug,
                input.title() == null ? current.title() : requireText("input.title", input.title(), 300).strip(),
                input.standfirst() == null ? current.standfirst() : blankToNull(optionalText("input.standfirst", input.standfirst(), 1000)),
                input.section() == null ? current.section() : section(input.section()),
                input.tags() == null ? current.tags() : tags(input.tags()),
                bylines,
                current.status(), current.publishedAt(), current.updatedAt(), current.version(),
                Boolean.TRUE.equals(input.clearFeaturedImage()) ? null
                        : input.featuredImage() == null ? current.featuredImage() : image("input.featuredImage", input.featuredImage()),
                input.body() == null ? current.body() : body(input.body()),
                input.commentMode() == null ? current.commentMode() : input.commentMode(),
                input.suppressDonations() == null ? current.suppressDonations() : input.suppressDonations(),
                current.commentCount(), authorIds, previousSlugs(current, slug), current.corrections(),
                input.seo() == null ? current.seo() : seo(input.seo()));
    }

    /** A changed slug keeps the old one, so old links still find the article. */
    private static List<String> previousSlugs(Article current, String slug) {
        List<String> previous = new ArrayList<>(current.previousSlugs());
        if (current.slug() != null && !current.slug().equals(slug) && !previous.contains(current.slug())) {
            previous.add(current.slug());
        }
        previous.remove(slug);
        return List.copyOf(previous);
    }

    private List<String> authorIds(List<String> ids) {
        maxSize("input.authorIds", ids, 20);
        Map<String, Author> found = authors.findAll(ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!found.containsKey(ids.get(i))) {
                throw ApiException.validation("input.authorIds[" + i + "]", "No author " + ids.get(i));
            }
        }
        return ids.stream().distinct().toList();
    }

    private Seo seo(ArticleInput.SeoInput input) {
        return new Seo(blankToNull(optionalText("input.seo.title", input.title(), 300)),
                blankToNull(optionalText("input.seo.description", input.description(), 1000)),
                optionalHttpUrl("input.seo.canonicalUrl", input.canonicalUrl()),
                Boolean.TRUE.equals(input.noIndex()),
                input.socialImage() == null ? null : image("input.seo.socialImage", input.socialImage()));
    }

    void requireForCreate(ArticleInput input) {
        requireText("input.slug", input.slug(), 120);
        requireText("input.title", input.title(), 300);
        requireText("input.section", input.section(), 60);
    }

    String revisionSummary(ArticleInput input) {
        return blankToNull(optionalText("input.revisionSummary", input.revisionSummary(), 300));
    }

    private static String slug(String slug) {
        requireText("input.slug", slug, 120);
        if (!SLUG.matcher(slug).matches()) {
            throw ApiException.validation("input.slug", "slug must be lower-case letters and digits separated by single hyphens");
        }
        return slug;
    }

    private static String section(String section) {
        requireText("input.section", section, 60);
        if (!SLUG.matcher(section).matches()) {
            throw ApiException.validation("input.section", "section must be lower-case letters and digits separated by hyphens");
        }
        return section;
    }

    private static List<String> tags(List<String> tags) {
        maxSize("input.tags", tags, 30);
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = requireText("input.tags[" + i + "]", tags.get(i), 60).strip().toLowerCase(java.util.Locale.ROOT);
            if (!clean.contains(tag)) {
                clean.add(tag);
            }
        }
        return List.copyOf(clean);
    }

    private static List<Article.Author> authors(List<ArticleInput.AuthorInput> authors) {
        maxSize("input.authors", authors, 20);
        List<Article.Author> clean = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            String path = "input.authors[" + i + "]";
            clean.add(new Article.Author(requireText(path + ".name", authors.get(i).name(), 200).strip(),
                    optionalHttpUrl(path + ".url", authors.get(i).url())));
        }
        return List.copyOf(clean);
    }

    private ImageUsage image(String path, ImageUsageInput input) {
        requireText(path + ".assetId", input.assetId(), 100);
        MediaAsset asset = media.find(input.assetId())
                .orElseThrow(() -> ApiException.validation(path + ".assetId", "No media asset " + input.assetId()));
        ImageUsage usage = new ImageUsage(input.assetId(), input.crop(),
                blankToNull(optionalText(path + ".caption", input.caption(), 1000)),
                blankToNull(optionalText(path + ".alt", input.alt(), 500)));
        try {
            media.checkUsage(usage, asset);
        } catch (ApiException e) {
            throw ApiException.validation(path + ".crop", e.getMessage());
        }
        return usage;
    }

    private List<Block> body(List<BlockInput> blocks) {
        maxSize("input.body", blocks, MAX_BLOCKS);
        List<Block> body = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            body.add(block("input.body[" + i + "]", blocks.get(i)));
        }
        return List.copyOf(body);
    }

    private Block block(String path, BlockInput input) {
        if (input.paragraph() != null) {
            return paragraph(path + ".paragraph", input.paragraph());
        }
        if (input.heading() != null) {
            int level = input.heading().level() == null ? 2 : input.heading().level();
            if (level < 2 || level > 4) {
                throw ApiException.validation(path + ".heading.level", "heading level must be 2, 3 or 4");
            }
            return new Block.HeadingBlock(level, requireText(path + ".heading.text", input.heading().text(), 300).strip());
        }
        if (input.quote() != null) {
            ArticleInput.QuoteInput quote = input.quote();
            return new Block.QuoteBlock(requireText(path + ".quote.text", quote.text(), 5000),
                    blankToNull(optionalText(path + ".quote.speaker", quote.speaker(), 200)),
                    blankToNull(optionalText(path + ".quote.source", quote.source(), 300)),
                    optionalHttpUrl(path + ".quote.sourceUrl", quote.sourceUrl()));
        }
        if (input.image() != null) {
            return new Block.ImageBlock(image(path + ".image", input.image()));
        }
        if (input.embeddedPost() != null) {
            String embedId = requireText(path + ".embeddedPost.embedId", input.embeddedPost().embedId(), 100);
            return new Block.EmbeddedPostBlock(embeds.snapshot(embedId).orElseThrow(
                    () -> ApiException.validation(path + ".embeddedPost.embedId", "No embedded post " + embedId)));
        }
        if (input.readMore() != null) {
            return readMore(path + ".readMore", input.readMore());
        }
        throw ApiException.validation(path, "a block needs exactly one of paragraph, heading, quote, image, embeddedPost, readMore");
    }

    private static Block paragraph(String path, ParagraphInput input) {
        if ((input.spans() == null) == (input.text() == null)) {
            throw ApiException.validation(path, "a paragraph needs either spans or text");
        }
        if (input.text() != null) {
            return new Block.ParagraphBlock(List.of(TextSpan.plain(requireText(path + ".text", input.text(), 20_000))));
        }
        maxSize(path + ".spans", input.spans(), 200);
        if (input.spans().isEmpty()) {
            throw ApiException.validation(path + ".spans", "a paragraph needs at least one span");
        }
        List<TextSpan> spans = new ArrayList<>();
        for (int i = 0; i < input.spans().size(); i++) {
            TextSpanInput span = input.spans().get(i);
            String spanPath = path + ".spans[" + i + "]";
            if (span.href() != null && !RichText.isSafeHref(span.href())) {
                throw ApiException.validation(spanPath + ".href", "links must be http(s), mailto or site-relative");
            }
            spans.add(new TextSpan(requireText(spanPath + ".text", span.text(), 10_000),
                    span.marks() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(span.marks())),
                    optionalText(spanPath + ".href", span.href(), 2048)));
        }
        return new Block.ParagraphBlock(List.copyOf(spans));
    }

    private Block readMore(String path, ArticleInput.ReadMoreInput input) {
        String label = requireText(path + ".label", input.label(), 300).strip();
        if ((input.articleId() == null) == (input.url() == null)) {
            throw ApiException.validation(path, "read-more needs either articleId or url");
        }
        if (input.articleId() != null && articles.findById(input.articleId()).isEmpty()) {
            throw ApiException.validation(path + ".articleId", "No article " + input.articleId());
        }
        return new Block.ReadMoreBlock(label, input.articleId(), optionalHttpUrl(path + ".url", input.url()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
