import java.io.IOException;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write load for the posting benchmark and the fault kit (run with `java PostLoad.java`, no build).
 * Writers post comments and replies (anonymous, each with an idempotencyKey) and, in mixed mode, create
 * and publish articles (admin token). Every acknowledged write is appended to the ack file at once:
 *   comment <id> <idempotencyKey> <articleId> <parentId or ->
 *   article <id> <slug>
 *   publish <id> <version>
 * Usage: java PostLoad.java URL TOKEN SECONDS THREADS ACKFILE [comments|mixed]
 * Stops a writer at its first transport failure (the server was killed), not at a request timing out.
 * Prints acknowledged posts/s.
 */
public class PostLoad {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String url, token;
    static PrintWriter ack;
    static final List<String[]> shown = new ArrayList<>(); // {commentId, articleId}
    static final List<String> articles = new ArrayList<>();
    static final AtomicLong comments = new AtomicLong(), refused = new AtomicLong(), articleWrites = new AtomicLong();

    public static void main(String[] args) throws Exception {
        url = args[0];
        token = args[1];
        long seconds = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        ack = new PrintWriter(new FileWriter(args[4], true), true);
        boolean mixed = args.length > 5 && args[5].equals("mixed");
        synchronized (articles) {
            articles.add(createAndPublish());
        }
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < end) {
                    try {
                        if (mixed && ThreadLocalRandom.current().nextInt(10) == 0) {
                            String id = createAndPublish();
                            synchronized (articles) {
                                articles.add(id);
                            }
                        } else {
                            postComment();
                        }
                    } catch (java.net.http.HttpTimeoutException slow) {
                        refused.incrementAndGet(); // no answer in 10 s: not acknowledged; a client tries again
                    } catch (IOException | InterruptedException e) {
                        return; // the server went away
                    } catch (IllegalStateException refusedWrite) {
                        refused.incrementAndGet();
                        pause();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("acknowledged comments=%d articleWrites=%d refused=%d in %.1f s: %.1f comment posts/s%n",
                comments.get(), articleWrites.get(), refused.get(), elapsed, comments.get() / elapsed);
        ack.close();
    }

    static String createAndPublish() throws IOException, InterruptedException {
        String slug = "load-" + UUID.randomUUID().toString().substring(0, 13);
        String created = call("mutation($i: ArticleInput!) { createArticle(input: $i) { id version } }",
                "{\"i\":{\"slug\":\"" + slug + "\",\"title\":\"Load " + slug + "\",\"section\":\"news\"}}", true);
        Matcher id = ID.matcher(created);
        Matcher version = VERSION.matcher(created);
        if (created.contains("\"errors\"") || !id.find() || !version.find()) {
            throw new IllegalStateException("createArticle failed: " + created);
        }
        articleWrites.incrementAndGet();
        ack.println("article " + id.group(1) + " " + slug);
        String published = call("mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { id version } }",
                "{\"id\":\"" + id.group(1) + "\",\"v\":" + version.group(1) + "}", true);
        Matcher after = VERSION.matcher(published);
        if (published.contains("\"errors\"") || !after.find()) {
            throw new IllegalStateException("publishArticle failed: " + published);
        }
        articleWrites.incrementAndGet();
        ack.println("publish " + id.group(1) + " " + after.group(1));
        return id.group(1);
    }

    static void postComment() throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String articleId;
        String parentId = null;
        synchronized (shown) {
            if (!shown.isEmpty() && random.nextInt(10) < 3) {
                String[] parent = shown.get(random.nextInt(shown.size()));
                parentId = parent[0];
                articleId = parent[1];
            } else {
                synchronized (articles) {
                    articleId = articles.get(random.nextInt(articles.size()));
                }
            }
        }
        String key = UUID.randomUUID().toString();
        String variables = "{\"i\":{\"articleId\":\"" + articleId + "\",\"authorName\":\"Load " + random.nextInt(1000)
                + "\",\"body\":\"Comment " + key + "\",\"idempotencyKey\":\"" + key + "\""
                + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}}";
        String body = call("mutation($i: PostCommentInput!) { postComment(input: $i) { id status } }", variables, false);
        Matcher id = ID.matcher(body);
        if (body.contains("\"errors\"") || !id.find()) {
            refused.incrementAndGet();
            pause();
            return;
        }
        comments.incrementAndGet();
        ack.println("comment " + id.group(1) + " " + key + " " + articleId + " " + (parentId == null ? "-" : parentId));
        if (body.contains("PUBLISHED")) {
            synchronized (shown) {
                shown.add(new String[] {id.group(1), articleId});
            }
        }
    }

    /** A refused write: back off a little, as a client would. */
    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String call(String query, String variables, boolean admin) throws IOException, InterruptedException {
        String json = "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (admin) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
