package dev.broadsheet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Mono;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Two application instances on one database over TCP (a {@link TestDatabase}), sharing a test clock: A holds the sample
 * content, B starts empty and follows A's writes. Starting them takes a while, so test classes share
 * one pair ({@link #shared()}), closed when the test JVM exits.
 */
public final class TwoInstances implements AutoCloseable {

    private static TwoInstances shared;

    public final TestDatabase database = TestDatabase.create("TwoInstances");
    public final MutableClock clock;
    public final ConfigurableApplicationContext a;
    public final ConfigurableApplicationContext b;

    public static synchronized TwoInstances shared() {
        if (shared == null) {
            shared = new TwoInstances(new MutableClock());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private TwoInstances(MutableClock clock) {
        this.clock = clock;
        a = start(database, clock, "--broadsheet.sample.enabled=true");
        b = start(database, clock, "--broadsheet.sample.enabled=false");
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A GraphQL-over-WebSocket client of {@code context}, sending {@code token} (or nothing) in connection_init. */
    public static WebSocketGraphQlTester socket(ConfigurableApplicationContext context, String token) {
        WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder(
                URI.create("ws://localhost:" + port(context) + "/graphql-ws"), new StandardWebSocketClient());
        if (token != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        return builder.build();
    }

    private static ConfigurableApplicationContext start(TestDatabase database, MutableClock clock, String more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN,
                // the tests sweep presence themselves on the shared fake clock: a scheduled sweep racing them made counts flaky
                "--broadsheet.editing.sweep-interval=1h", more));
        args.addAll(database.springArguments());
        return new SpringApplicationBuilder(BroadsheetApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        b.close();
        a.close();
        database.close();
    }
}
