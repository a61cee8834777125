package dev.broadsheet.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client (no npm, no driver download). Host names other than localhost resolve to nothing,
 * so a page that needs the internet shows it; every URL the page requests is recorded.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final PageEvents events = new PageEvents();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser's executable: {@code $CHROMIUM} when set (only it), else the usual Debian and Google paths. */
    static Optional<Path> find() {
        String chosen = System.getenv("CHROMIUM");
        Stream<String> candidates = chosen != null && !chosen.isBlank() ? Stream.of(chosen) : CANDIDATES.stream();
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** For {@code @EnabledIf}: a browser test needs no application context where there is no browser. */
    static boolean installed() {
        boolean installed = find().isPresent();
        if (!installed) {
            System.err.println("[GraphiQL browser check] SKIPPED: chromium is not installed "
                    + "(apt-get install -y chromium, or set CHROMIUM to its path)");
        }
        return installed;
    }

    static HeadlessChromium launch(Path executable, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("broadsheet-chromium-");
        Process process = new ProcessBuilder(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(pageSocket(devToolsAddress(profile, process)), listener).get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.owner = chromium;
            chromium.send("Page.enable", Map.of());
            chromium.send("Network.enable", Map.of());
            chromium.send("Runtime.enable", Map.of());
            chromium.send("Log.enable", Map.of());
            return chromium;
        } catch (Exception | Error e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw e;
        }
    }

    private static URI devToolsAddress(Path profile, Process process) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(STARTUP);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("chromium did not open its DevTools port");
            }
            try {
                process.onExit().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillStarting) {
                // poll the file again
            }
        }
        return URI.create("http://127.0.0.1:" + Files.readAllLines(portFile).get(0).trim());
    }

    private static URI pageSocket(URI browser) throws Exception {
        HttpResponse<String> targets = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(browser.resolve("/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(targets.body())) {
            if ("page".equals(target.path("type").asString())) {
                return URI.create(target.path("webSocketDebuggerUrl").asString());
            }
        }
        throw new IllegalStateException("chromium has no page to drive");
    }

    /** What the page did: its requests, WebSocket frames, errors. */
    PageEvents events() {
        return events;
    }

    void navigate(String url) {
        send("Page.navigate", Map.of("url", url));
    }

    /**
     * Evaluates a JavaScript expression (a promise is awaited) and returns its value. Waiting for the
     * page happens inside the browser, with {@link #waitFor}.
     */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("In the page: " + result.path("exceptionDetails").path("exception")
                    .path("description").asString(result.path("exceptionDetails").toString()));
        }
        return result.path("result").path("value");
    }

    /** Clicks the first element the CSS selector matches. */
    void click(String selector) {
        evaluate("void document.querySelector(" + JSON.writeValueAsString(selector) + ").click()");
    }

    void focus(String selector) {
        evaluate("void document.querySelector(" + JSON.writeValueAsString(selector) + ").focus()");
    }

    /**
     * A JavaScript expression for the visible text of the first element matching the selector, or '',
     * with every run of white space as one space (Monaco draws spaces as no-break spaces and wraps long
     * lines at spaces).
     */
    static String textOf(String selector) {
        return "(document.querySelector(" + JSON.writeValueAsString(selector)
                + ")?.innerText ?? '').replace(/\\s+/g, ' ')";
    }

    /** Polls a JavaScript condition in the page until it returns something truthy; fails after the limit. */
    JsonNode waitFor(String condition, Duration limit, String what) {
        return evaluate("""
                new Promise((resolve, reject) => {
                  const until = Date.now() + %d;
                  const poll = () => {
                    let value;
                    try { value = (%s); } catch (e) { value = null; }
                    if (value) resolve(value);
                    else if (Date.now() > until) reject(new Error('Timed out waiting for: ' + %s));
                    else setTimeout(poll, 50);
                  };
                  poll();
                })""".formatted(limit.toMillis(), condition, JSON.writeValueAsString(what)));
    }

    /** Selects everything in the focused editor, as Ctrl+A would. */
    void selectAll() {
        send("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", "a", "code", "KeyA",
                "windowsVirtualKeyCode", 65, "modifiers", 2, "commands", List.of("selectAll")));
        send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "a", "code", "KeyA",
                "windowsVirtualKeyCode", 65, "modifiers", 2));
    }

    /** Types text into the focused element, as a keyboard would (React sees input events). */
    void insertText(String text) {
        send("Input.insertText", Map.of("text", text));
    }

    void screenshot(Path file) throws IOException {
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
    }

    private JsonNode send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        try {
            JsonNode message = answer.get(30, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new IllegalStateException(method + ": " + message.path("error"));
            }
            return message.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private void receive(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        events.record(message.path("method").asString(""), message.path("params"));
    }

    @Override
    public void close() {
        socket.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        children.forEach(child -> child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join());
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless (a helper process may still be writing to it).
        }
    }

    /** Collects one message from its text frames, then hands it on. */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                owner.receive(JSON.readTree(text));
            }
            webSocket.request(1);
            return null;
        }
    }
}
