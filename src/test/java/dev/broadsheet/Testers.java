package dev.broadsheet;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Spring's {@link HttpGraphQlTester} against a running {@code @ApiTest} application, reading documents
 * from {@code src/test/resources/graphql-test/<feature>/} ({@code documentName("article/latest")}).
 * {@link GraphQlHttp} stays for what the tester does not show: status codes and headers.
 */
public final class Testers {

    private Testers() {
    }

    /** An anonymous reader. */
    public static HttpGraphQlTester anonymous(int port) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    /** A caller holding {@code role} (a token issued once per application, see {@link Tokens}). */
    public static HttpGraphQlTester as(int port, Tokens.Role role) {
        return anonymous(port).mutate().header("Authorization", "Bearer " + Tokens.forRole(port, role)).build();
    }
}
