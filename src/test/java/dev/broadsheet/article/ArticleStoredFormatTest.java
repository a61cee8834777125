package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.article.Block.EmbeddedPostBlock;
import dev.broadsheet.article.Block.HeadingBlock;
import dev.broadsheet.article.Block.ImageBlock;
import dev.broadsheet.article.Block.ParagraphBlock;
import dev.broadsheet.article.Block.QuoteBlock;
import dev.broadsheet.article.Block.ReadMoreBlock;
import dev.broadsheet.embed.EmbeddedPost;
import dev.broadsheet.media.Crop;
import dev.broadsheet.media.ImageUsage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Articles and revisions stored by the hand-written mapping that came before the record codecs (the
 * documents below are written field by field exactly as it wrote them) read back unchanged, and what
 * the codecs write keeps those field names and value types.
 */
@ApiTest
class ArticleStoredFormatTest {

    private static final Instant PUBLISHED = Instant.parse("2024-03-01T09:30:00Z");
    private static final Instant UPDATED = Instant.parse("2024-03-02T10:00:00Z");
    private static final Instant CAPTURED = Instant.parse("2024-02-28T08:00:00Z");

    @Autowired
    MongoDatabase database;

    @Autowired
    ArticleStore store;

    @Autowired
    RevisionStore revisions;

    @Test
    void anArticleWrittenByTheOldMappingReadsBackWithEveryBlock() {
        String id = "legacy-" + System.nanoTime();
        database.getCollection("articles").insertOne(legacyArticle(id).append("seq", 7L));

        assertThat(store.findById(id)).contains(expectedArticle(id));
    }

    @Test
    void aRevisionWrittenByTheOldMappingReadsBack() {
        String id = "legacy-rev-" + System.nanoTime();
        database.getCollection("article_revisions").insertOne(new Document("_id", id + ":3")
                .append("articleId", id)
                .append("revision", 3L)
                .append("at", Date.from(UPDATED))
                .append("byId", "ed-1")
                .append("byName", "Ed Itor")
                .append("summary", "Edited")
                .append("article", legacyArticle(id)));

        ArticleRevision revision = revisions.find(id, 3).orElseThrow();

        assertThat(revision).isEqualTo(new ArticleRevision(id, 3, UPDATED, "ed-1", "Ed Itor", "Edited",
                expectedArticle(id)));
        assertThat(revisions.exists(id, 3)).isTrue();
    }

    @Test
    void whatTheCodecsWriteKeepsTheOldFieldNamesAndTypes() {
        String id = "codec-" + System.nanoTime();
        store.save(expectedArticle(id));

        Document stored = database.getCollection("articles").find(new Document("_id", id)).first();

        assertThat(stored.getString("status")).isEqualTo("PUBLISHED");
        assertThat(stored.getDate("publishedAt")).isEqualTo(Date.from(PUBLISHED));
        assertThat(stored.get("version")).isEqualTo(4L);
        assertThat(stored.getString("commentMode")).isEqualTo("PREMODERATED");
        assertThat(stored.get("seq")).isInstanceOf(Long.class);
        List<Document> body = stored.getList("body", Document.class);
        assertThat(body).extracting(block -> block.getString("type"))
                .containsExactly("paragraph", "heading", "quote", "image", "embed", "readMore");
        assertThat(body.get(0).getList("spans", Document.class).get(1).getList("marks", String.class))
                .containsExactly("STRONG");
        assertThat(body.get(4).get("post", Document.class).getDate("capturedAt")).isEqualTo(Date.from(CAPTURED));
        assertThat(stored.get("featuredImage", Document.class).get("crop", Document.class).getInteger("width"))
                .isEqualTo(770);
    }

    @Test
    void authorIdsEarlierSlugsCorrectionsAndSeoAreStoredUnderTheirNamesAndReadBack() {
        String id = "codec-discovery-" + System.nanoTime();
        Article plain = expectedArticle(id);
        Correction correction = new Correction(Correction.Kind.CLARIFICATION, "We meant the night buses.", UPDATED);
        Article article = new Article(id, id, plain.title(), null, plain.section(), plain.tags(), plain.authors(),
                plain.status(), PUBLISHED, UPDATED, 4, plain.featuredImage(), plain.body(), plain.commentMode(), true,
                12, List.of("author-1"), List.of(id + "-old"), List.of(correction),
                new Seo("Bus cuts", null, null, true, null));
        store.save(article);

        Document stored = database.getCollection("articles").find(new Document("_id", id)).first();

        assertThat(stored.getList("authorIds", String.class)).containsExactly("author-1");
        assertThat(stored.getList("previousSlugs", String.class)).containsExactly(id + "-old");
        Document storedCorrection = stored.getList("corrections", Document.class).get(0);
        assertThat(storedCorrection.getString("kind")).isEqualTo("CLARIFICATION");
        assertThat(storedCorrection.getDate("at")).isEqualTo(Date.from(UPDATED));
        assertThat(stored.get("seo", Document.class).getBoolean("noIndex")).isTrue();
        assertThat(store.findById(id)).contains(article);
    }

    @Test
    void aCropsPublishedSizeIsStoredUnderItsOwnNamesOnlyWhenGiven() {
        String scaledId = "codec-scaled-" + System.nanoTime();
        ImageUsage scaled = new ImageUsage("asset-1", new Crop(0, 0, 4000, 2094, 770, 403), "The depot", null);
        store.save(expectedArticle(scaledId, scaled));
        String plainId = "codec-plain-" + System.nanoTime();
        store.save(expectedArticle(plainId));

        assertThat(storedCrop(scaledId).getInteger("publishedWidth")).isEqualTo(770);
        assertThat(storedCrop(scaledId).getInteger("publishedHeight")).isEqualTo(403);
        assertThat(storedCrop(plainId)).as("a crop published at its own size, as before published sizes")
                .doesNotContainKeys("publishedWidth", "publishedHeight");
        assertThat(store.findById(scaledId)).contains(expectedArticle(scaledId, scaled));
    }

    @Test
    void aCropWithAPublishedSizeWrittenByTheOldMappingReadsBack() {
        String id = "legacy-scaled-" + System.nanoTime();
        Document legacy = legacyArticle(id);
        legacy.get("featuredImage", Document.class).get("crop", Document.class)
                .append("publishedWidth", 385).append("publishedHeight", 201);
        database.getCollection("articles").insertOne(legacy.append("seq", 8L));

        assertThat(store.findById(id)).contains(expectedArticle(id,
                new ImageUsage("asset-1", new Crop(10, 20, 770, 403, 385, 201), "The depot", null)));
    }

    private Document storedCrop(String id) {
        return database.getCollection("articles").find(new Document("_id", id)).first()
                .get("featuredImage", Document.class).get("crop", Document.class);
    }

    /** The shape the former {@code ArticleDocuments.toDocument} wrote, nulls included. */
    private static Document legacyArticle(String id) {
        return new Document("_id", id)
                .append("slug", id)
                .append("title", "Council votes on bus cuts")
                .append("standfirst", null)
                .append("section", "local")
                .append("tags", List.of("transport", "council"))
                .append("authors", List.of(new Document("name", "Ana Ruiz").append("url", null)))
                .append("status", "PUBLISHED")
                .append("publishedAt", Date.from(PUBLISHED))
                .append("updatedAt", Date.from(UPDATED))
                .append("version", 4L)
                .append("featuredImage", new Document("assetId", "asset-1")
                        .append("crop", new Document("x", 10).append("y", 20).append("width", 770).append("height", 403))
                        .append("caption", "The depot").append("alt", null))
                .append("body", List.of(
                        new Document("type", "paragraph").append("spans", List.of(
                                new Document("text", "Plain ").append("marks", List.of()).append("href", null),
                                new Document("text", "bold").append("marks", List.of("STRONG")).append("href", null),
                                new Document("text", "link").append("marks", List.of("EMPHASIS"))
                                        .append("href", "https://example.org"))),
                        new Document("type", "heading").append("level", 3).append("text", "What happens next"),
                        new Document("type", "quote").append("text", "We had no choice").append("speaker", "The mayor")
                                .append("source", null).append("sourceUrl", null),
                        new Document("type", "image").append("image", new Document("assetId", "asset-2")
                                .append("caption", null).append("alt", "A bus")),
                        new Document("type", "embed").append("post", new Document("provider", "MASTODON")
                                .append("url", "https://mastodon.social/@x/1")
                                .append("authorName", "X").append("authorHandle", "@x").append("authorUrl", null)
                                .append("text", "Toot").append("postedAt", null)
                                .append("capturedAt", Date.from(CAPTURED)).append("sourceStatus", "LIVE")),
                        new Document("type", "readMore").append("label", "Read on").append("articleId", "other")
                                .append("url", null)))
                .append("commentMode", "PREMODERATED")
                .append("suppressDonations", true)
                .append("commentCount", 12);
    }

    private static Article expectedArticle(String id) {
        return expectedArticle(id, new ImageUsage("asset-1", new Crop(10, 20, 770, 403), "The depot", null));
    }

    private static Article expectedArticle(String id, ImageUsage featuredImage) {
        return new Article(id, id, "Council votes on bus cuts", null, "local", List.of("transport", "council"),
                List.of(new Article.Author("Ana Ruiz", null)), ArticleStatus.PUBLISHED, PUBLISHED, UPDATED, 4,
                featuredImage,
                List.of(new ParagraphBlock(List.of(TextSpan.plain("Plain "), TextSpan.strong("bold"),
                                new TextSpan("link", List.of(TextSpan.Mark.EMPHASIS), "https://example.org"))),
                        new HeadingBlock(3, "What happens next"),
                        new QuoteBlock("We had no choice", "The mayor", null, null),
                        new ImageBlock(new ImageUsage("asset-2", null, null, "A bus")),
                        new EmbeddedPostBlock(new EmbeddedPost(EmbeddedPost.Provider.MASTODON,
                                "https://mastodon.social/@x/1", "X", "@x", null, "Toot", null, CAPTURED,
                                EmbeddedPost.SourceStatus.LIVE)),
                        new ReadMoreBlock("Read on", "other", null)),
                CommentMode.PREMODERATED, true, 12);
    }
}
