package dev.broadsheet.bench;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.Block;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.article.TextSpan;
import dev.broadsheet.comment.Comment;
import dev.broadsheet.comment.CommentService;
import dev.broadsheet.comment.CommentStatus;
import dev.broadsheet.media.Crop;
import dev.broadsheet.media.ImageUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application with the benchmark's data: the sample newsroom, an article with a 200-comment
 * thread three levels deep (40 top-level, 80 replies, 80 replies to replies), and 50 more articles;
 * with {@code --bench.large.articles=N [--bench.large.comments=M]} also the large store
 * ({@link LargeStore}); and the floor filter ({@link BenchFloor}).
 */
public final class BenchServer {

    public static final String THREAD_SLUG = "bench-thread";

    public static void main(String[] args) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BroadsheetApplication.class, BenchFloor.class)
                .run(args);
        ArticleService articles = app.getBean(ArticleService.class);
        if (articles.findPublished(THREAD_SLUG, null).isEmpty()) {
            load(articles, app.getBean(CommentService.class));
        }
        int largeArticles = app.getEnvironment().getProperty("bench.large.articles", Integer.class, 0);
        if (largeArticles > 0) {
            LargeStore.load(app.getBean(MongoDatabase.class), largeArticles,
                    app.getEnvironment().getProperty("bench.large.comments", Integer.class, 1_000_000));
        }
        System.out.println("BENCH DATA LOADED");
    }

    private static void load(ArticleService articles, CommentService comments) {
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        ImageUsage picture = new ImageUsage("sample-asset-picket", new Crop(400, 900, 770, 403), "Pickets.", "A picket line");
        for (int i = 0; i < 50; i++) {
            String slug = "bench-article-" + i;
            articles.save(article(slug, slug, "Bench article " + i, start.plusSeconds(60L * i),
                    i % 2 == 0 ? picture : new ImageUsage("sample-asset-choir", null, "Choir.", "A choir")));
        }
        articles.save(article(THREAD_SLUG, THREAD_SLUG, "The thread everyone is reading", start.plusSeconds(7200), picture));
        int second = 0;
        for (int t = 0; t < 40; t++) {
            Comment top = comments.create(comment(THREAD_SLUG + "-" + t, null, start.plusSeconds(7300 + second++)));
            for (int r = 0; r < 2; r++) {
                Comment reply = comments.create(comment(top.id() + "-" + r, top, start.plusSeconds(7300 + second++)));
                comments.create(comment(reply.id() + "-0", reply, start.plusSeconds(7300 + second++)));
            }
        }
    }

    private static Article article(String id, String slug, String title, Instant at, ImageUsage image) {
        List<Block> body = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            body.add(new Block.ParagraphBlock(List.of(TextSpan.plain("Paragraph " + p + " of " + title
                    + ": dock workers, councillors and readers had their say. "), TextSpan.emphasis("More soon."))));
        }
        return new Article(id, slug, title, "A standfirst for " + title, "news", List.of("harbour"),
                List.of(new Article.Author("Bench Reporter", null)), ArticleStatus.PUBLISHED, at, at, 1, image, body,
                CommentMode.OPEN, false, 0);
    }

    private static Comment comment(String id, Comment parent, Instant at) {
        List<String> ancestors = new ArrayList<>();
        if (parent != null) {
            ancestors.addAll(parent.ancestorIds());
            ancestors.add(parent.id());
        }
        return new Comment(id, THREAD_SLUG, parent == null ? null : parent.id(), ancestors, ancestors.size(),
                "Reader " + id.length(), "<p>I think the council should listen. Comment " + id + ".</p>",
                CommentStatus.PUBLISHED, at, 0);
    }
}
