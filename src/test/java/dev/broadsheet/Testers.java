package dev.broadsheet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Spring's {@link HttpGraphQlTester} against a running {@code @ApiTest} application, reading documents
 * from {@code src/test/resources/graphql-test/<feature>/} ({@code documentName("article/latest")}).
 * {@link GraphQlHttp} stays for what the tester does not show: status codes and headers.
 */
public final class Testers {

    /** Built once per port and caller: building a tester costs ~20 ms, a request through one ~5 ms. */
    private static final Map<String, HttpGraphQlTester> TESTERS = new ConcurrentHashMap<>();

    private Testers() {
    }

    /** An anonymous reader. */
    public static HttpGraphQlTester anonymous(int port) {
        return TESTERS.computeIfAbsent(port + " anonymous", key -> HttpGraphQlTester.create(
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build()));
    }

    /** A caller holding {@code role} (a token issued once per application, see {@link Tokens}). */
    public static HttpGraphQlTester as(int port, Tokens.Role role) {
        HttpGraphQlTester anonymous = anonymous(port); // not inside computeIfAbsent: no recursive update
        return TESTERS.computeIfAbsent(port + " " + role, key -> anonymous.mutate()
                .header("Authorization", "Bearer " + Tokens.forRole(port, role)).build());
    }

    /** The {@code extensions} of the first error of {@code response} (failing if there is none), with its message. */
    public static Map<String, Object> firstError(GraphQlTester.Response response) {
        AtomicReference<ResponseError> first = new AtomicReference<>();
        response.errors().satisfy(errors -> {
            if (errors.isEmpty()) {
                throw new AssertionError("expected an error");
            }
            first.set(errors.get(0));
        });
        Map<String, Object> error = new java.util.HashMap<>(first.get().getExtensions());
        error.put("message", first.get().getMessage());
        return error;
    }
}
