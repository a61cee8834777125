package dev.broadsheet.embed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the providers' oEmbed endpoints ({@code /x/oembed}, {@code /youtube/oembed}, ...):
 * answers each post URL as a test told it to. Unknown posts are 404.
 */
final class OEmbedStub {

    /** What to answer; {@code hang} never answers within any timeout the tests use. */
    record Reply(int status, String body, boolean hang) {

        static Reply json(String body) {
            return new Reply(200, body, false);
        }

        static Reply status(int status) {
            return new Reply(status, "{}", false);
        }

        static Reply hanging() {
            return new Reply(200, "{}", true);
        }
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private OEmbedStub(HttpServer server) {
        this.server = server;
    }

    static OEmbedStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OEmbedStub stub = new OEmbedStub(server);
            server.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                String url = query == null ? "" : Arrays.stream(query.split("&"))
                        .filter(p -> p.startsWith("url=")).map(p -> URLDecoder.decode(p.substring(4), StandardCharsets.UTF_8))
                        .findFirst().orElse("");
                stub.requests.add(exchange.getRequestURI().getPath() + " " + url);
                Reply reply = stub.replies.getOrDefault(url, Reply.status(404));
                if (reply.hang()) {
                    try {
                        stub.released.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "oembed-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint(String provider) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider + "/oembed";
    }

    void answer(String postUrl, Reply reply) {
        replies.put(postUrl, reply);
    }

    List<String> requests() {
        return requests;
    }
}
