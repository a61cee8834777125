package dev.broadsheet.bench;

import dev.broadsheet.BroadsheetApplication;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.Block;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.article.TextSpan;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search benchmark: 10,000 published articles of generated text (on the embedded H2 store on disk) (a 3,000-word vocabulary drawn with a
 * Zipf-like skew, so some words are in most articles and most are rare), then two-word queries drawn
 * the same way, one at a time over HTTP POST /graphql; prints p50/p90/p99/max latency.
 */
public final class SearchBench {

    static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
    static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
    static final String[] SYLLABLES = {"ba", "ko", "ri", "ta", "mel", "dor", "sen", "lu", "par", "vin", "ho", "gra",
        "ne", "tus", "fi", "lam", "or", "que", "zan", "pe"};

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BroadsheetApplication.class).run(args);
        String port = app.getEnvironment().getProperty("local.server.port");
        String[] words = vocabulary(3000);
        Random random = new Random(42);
        ArticleService articles = app.getBean(ArticleService.class);
        long loadStart = System.nanoTime();
        Instant start = Instant.parse("2025-01-01T08:00:00Z");
        for (int i = 0; i < ARTICLES; i++) {
            articles.save(article(i, words, random, start.plusSeconds(3_600L * i)));
        }
        MongoDatabase db = app.getBean(MongoDatabase.class);
        while (db.getCollection("search_articles").estimatedDocumentCount() < ARTICLES) {
            Thread.sleep(200);
        }
        System.out.printf("loaded and indexed %d articles in %.1f s%n", ARTICLES, (System.nanoTime() - loadStart) / 1e9);
        System.out.printf("heap used after loading (after a full GC): %d MB%n", heapUsedAfterGc() >> 20);

        HttpClient client = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
        for (int i = 0; i < 200; i++) {
            query(client, endpoint, words[zipf(random, words.length)] + " " + words[zipf(random, words.length)]);
        }
        long[] nanos = new long[QUERIES];
        int hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            String q = words[zipf(random, words.length)] + " " + words[zipf(random, words.length)];
            long t0 = System.nanoTime();
            String body = query(client, endpoint, q);
            nanos[i] = System.nanoTime() - t0;
            hits += body.contains("\"slug\"") ? 1 : 0;
        }
        Arrays.sort(nanos);
        System.out.printf("SEARCH BENCH articles=%d queries=%d withHits=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                ARTICLES, QUERIES, hits, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[QUERIES - 1] / 1e6);
        System.out.printf("heap used after the queries (after a full GC): %d MB%n", heapUsedAfterGc() >> 20);
        app.close();
    }

    private static long heapUsedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String query(HttpClient client, URI endpoint, String q) throws Exception {
        String json = "{\"query\":\"query($q: String!) { search(query: $q, first: 10) { edges { node { score snippet "
                + "article { slug title } } } } }\",\"variables\":{\"q\":\"" + q + "\"}}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException(response.body());
        }
        return response.body();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Skewed towards the first words: index = n * u^3. */
    private static int zipf(Random random, int n) {
        double u = random.nextDouble();
        return (int) (n * u * u * u);
    }

    private static String[] vocabulary(int size) {
        Random random = new Random(7);
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < size) {
            StringBuilder word = new StringBuilder();
            for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static Article article(int i, String[] words, Random random, Instant at) {
        List<Block> body = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            body.add(new Block.ParagraphBlock(List.of(TextSpan.plain(sentence(words, random, 40)))));
        }
        String slug = "search-bench-" + i;
        return new Article(slug, slug, sentence(words, random, 8), sentence(words, random, 25), "news",
                List.of(words[zipf(random, 200)]), List.of(new Article.Author("Bench Reporter", null)),
                ArticleStatus.PUBLISHED, at, at, 1, null, body, CommentMode.OPEN, false, 0);
    }

    private static String sentence(String[] words, Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            text.append(w == 0 ? "" : " ").append(words[zipf(random, words.length)]);
        }
        return text.append('.').toString();
    }
}
