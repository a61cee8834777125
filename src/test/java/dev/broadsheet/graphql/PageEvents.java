package dev.broadsheet.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * What a page in {@link HeadlessChromium} did, from the DevTools events: the requests it made, the
 * WebSocket frames it sent, uncaught exceptions and logged errors. Tests wait on them without sleeping.
 */
final class PageEvents {

    private final List<Request> requested = new ArrayList<>();
    private final List<String> framesSent = new ArrayList<>();
    private final List<String> exceptions = new CopyOnWriteArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    /** One request as the page sent it (headers as the page set them). */
    record Request(String method, String url, JsonNode headers) {

        String header(String name) {
            for (var field : headers.properties()) {
                if (field.getKey().equalsIgnoreCase(name)) {
                    return field.getValue().asString();
                }
            }
            return null;
        }
    }

    void record(String method, JsonNode params) {
        switch (method) {
            case "Network.requestWillBeSent" -> add(requested, new Request(params.path("request").path("method").asString(),
                    params.path("request").path("url").asString(), params.path("request").path("headers")));
            case "Network.webSocketFrameSent" -> add(framesSent, params.path("response").path("payloadData").asString());
            case "Runtime.exceptionThrown" -> exceptions.add(params.path("exceptionDetails").path("exception")
                    .path("description").asString(params.path("exceptionDetails").path("text").asString()));
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asString())) {
                    consoleErrors.add(params.path("entry").path("text").asString() + " "
                            + params.path("entry").path("url").asString(""));
                }
            }
            default -> { }
        }
    }

    /** Every request the page made, in order. */
    List<Request> requests() {
        synchronized (requested) {
            return List.copyOf(requested);
        }
    }

    /** Waits until the page has made more than {@code count} requests that match; fails after the limit. */
    List<Request> awaitRequests(Predicate<Request> matching, int count, Duration limit) throws InterruptedException {
        return awaitMatch(requested, list -> {
            List<Request> found = list.stream().filter(matching).toList();
            return found.size() > count ? Optional.of(found) : Optional.empty();
        }, limit, "more than " + count + " matching requests");
    }

    /** Waits until the page has sent a WebSocket frame containing the text; fails after the limit. */
    String awaitFrameSent(String containing, Duration limit) throws InterruptedException {
        return awaitMatch(framesSent, frames -> frames.stream().filter(text -> text.contains(containing)).findFirst(),
                limit, "a WebSocket frame with " + containing);
    }

    /** Uncaught exceptions the page reported. */
    List<String> pageExceptions() {
        return List.copyOf(exceptions);
    }

    /** Errors the browser logged for the page: failed loads, anything the content security policy blocked. */
    List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    private static <T> void add(List<T> events, T event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    /** Waits, on the list's monitor, until the events recorded there give an answer. */
    private static <T, R> R awaitMatch(List<T> events, Function<List<T>, Optional<R>> answer, Duration limit,
            String what) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        synchronized (events) {
            while (true) {
                Optional<R> found = answer.apply(events);
                if (found.isPresent()) {
                    return found.get();
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out waiting for " + what);
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }
}
