package dev.broadsheet.syndication;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint that records what it receives and answers with scripted status codes. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String timestamp, String signature, String surrogateKey, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Broadsheet-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Broadsheet-Signature"),
                    exchange.getRequestHeaders().getFirst("Surrogate-Key"), body));
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 200 : statuses.removeFirst();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The next answers, in order; afterwards 200. */
    void answer(Integer... codes) {
        synchronized (statuses) {
            statuses.addAll(List.of(codes));
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Bodies received about one article. */
    List<String> about(String articleId) {
        return received.stream().map(Received::body).filter(body -> body.contains("\"" + articleId + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
