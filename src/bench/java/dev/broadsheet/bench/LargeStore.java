package dev.broadsheet.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The large store: {@code articles} more published articles and {@code comments} comments spread over
 * them (per article a fifth top-level, two fifths replies, two fifths replies to replies), written
 * straight into the collections in batches. Each document is a copy of one the feature's own store
 * wrote (the bench articles and the bench thread), so the shape is whatever the store writes today.
 * Skipped when the store already holds them (a data dir kept between runs).
 */
final class LargeStore {

    private static final int BATCH = 5000;

    private LargeStore() {
    }

    static void load(MongoDatabase database, int articles, int comments) {
        MongoCollection<Document> articleCollection = database.getCollection("articles");
        MongoCollection<Document> commentCollection = database.getCollection("comments");
        if (articleCollection.countDocuments(eq("_id", "large-" + (articles - 1))) > 0) {
            System.out.println("LARGE STORE PRESENT");
            return;
        }
        long started = System.nanoTime();
        Document articleTemplate = articleCollection.find(eq("_id", "bench-article-1")).first();
        Document commentTemplate = commentCollection.find(eq("_id", BenchServer.THREAD_SLUG + "-0")).first();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        int perArticle = Math.max(5, comments / Math.max(1, articles));
        List<Document> articleBatch = new ArrayList<>();
        List<Document> commentBatch = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            String id = "large-" + a;
            Document article = new Document(articleTemplate);
            article.put("_id", id);
            article.put("slug", id);
            article.put("title", "Archive article " + a);
            article.put("publishedAt", Date.from(base.plusSeconds(60L * a)));
            article.put("commentCount", perArticle);
            articleBatch.add(article);
            int top = perArticle / 5;
            int reply = 0;
            for (int t = 0; t < top; t++) {
                String topId = id + "-" + t;
                commentBatch.add(comment(commentTemplate, topId, id, null, List.of(), 2, base, a, reply++));
                for (int r = 0; r < 2; r++) {
                    String replyId = topId + "-" + r;
                    commentBatch.add(comment(commentTemplate, replyId, id, topId, List.of(topId), 1, base, a, reply++));
                    commentBatch.add(comment(commentTemplate, replyId + "-0", id, replyId, List.of(topId, replyId), 0,
                            base, a, reply++));
                }
            }
            if (articleBatch.size() >= 1000) {
                articleCollection.insertMany(articleBatch);
                articleBatch.clear();
            }
            if (commentBatch.size() >= BATCH) {
                commentCollection.insertMany(commentBatch);
                commentBatch.clear();
            }
        }
        if (!articleBatch.isEmpty()) {
            articleCollection.insertMany(articleBatch);
        }
        if (!commentBatch.isEmpty()) {
            commentCollection.insertMany(commentBatch);
        }
        System.out.printf("LARGE STORE LOADED: %d articles, %d comments in %d s%n", articles,
                (long) articles * (perArticle / 5) * 5, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static Document comment(Document template, String id, String articleId, String parentId,
            List<String> ancestors, int replies, Instant base, int article, int n) {
        Document comment = new Document(template);
        comment.put("_id", id);
        comment.put("articleId", articleId);
        comment.put("parentId", parentId);
        comment.put("ancestorIds", ancestors);
        comment.put("depth", ancestors.size());
        comment.put("replyCount", replies);
        comment.put("createdAt", Date.from(base.plusSeconds(60L * article + n)));
        comment.put("body", "<p>Archived comment " + id + ".</p>");
        return comment;
    }
}
