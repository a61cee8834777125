package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every log event of a request carries its request id and the caller's token id (never the secret), and
 * the JSON log format ({@code logging.structured.format.console=ecs}) writes them as fields. Requests through
 * Spring's HttpGraphQlTester, with the headers an edge proxy sends.
 */
@ApiTest
class RequestLoggingTest {

    @LocalServerPort
    int port;

    private final Logger requestLog = (Logger) LoggerFactory.getLogger(RequestIds.LOGGER);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureRequestLog() {
        levelBefore = requestLog.getLevel();
        requestLog.setLevel(Level.DEBUG);
        events.start();
        requestLog.addAppender(events);
    }

    @AfterEach
    void restoreRequestLog() {
        requestLog.detachAppender(events);
        requestLog.setLevel(levelBefore);
    }

    @Test
    void aRequestsLogEventCarriesTheRequestIdAndTheTokenIdButNotTheSecret() {
        String secret = Tokens.forRole(port, Tokens.Role.EDITOR);
        String tokenId = tokenIdWithPrefix(secret.substring(0, 8));

        latest(Testers.anonymous(port).mutate().header("Authorization", "Bearer " + secret)
                .header("X-Request-Id", "edge-4711").build());

        ILoggingEvent event = eventOf("edge-4711");
        assertThat(event.getMDCPropertyMap()).containsEntry("tokenId", tokenId);
        assertThat(event.getMDCPropertyMap().values()).noneMatch(value -> value.contains(secret));
        assertThat(event.getFormattedMessage()).contains("POST /graphql 200").doesNotContain(secret);
    }

    @Test
    void anAnonymousRequestGetsAGeneratedIdAndNoTokenId() {
        latest(Testers.anonymous(port).mutate().header("X-Request-Id", "not a valid id!").build());

        ILoggingEvent event = await().atMost(Duration.ofSeconds(10)).until(() -> events.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("POST /graphql")).findFirst(), Optional::isPresent).get();
        assertThat(event.getMDCPropertyMap().get("requestId")).matches("[0-9a-f]{16}");
        assertThat(event.getMDCPropertyMap()).doesNotContainKey("tokenId");
    }

    @Test
    void theEcsJsonFormatWritesTheRequestIdAndTokenIdAsFields() {
        String secret = Tokens.forRole(port, Tokens.Role.ADMIN);
        latest(Testers.anonymous(port).mutate().header("Authorization", "Bearer " + secret)
                .header("X-Request-Id", "edge-4712").build());

        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        ecs.setFormat("ecs");
        ecs.start();
        String line = new String(ecs.encode(eventOf("edge-4712")), StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(json.path("requestId").asString()).isEqualTo("edge-4712");
        assertThat(json.path("tokenId").asString()).isEqualTo(tokenIdWithPrefix(secret.substring(0, 8)));
        assertThat(json.path("log").path("logger").asString()).isEqualTo("dev.broadsheet.requests");
        assertThat(line).doesNotContain(secret);
    }

    /** The request's line is written as the filter unwinds, which may be just after the client has the response. */
    private ILoggingEvent eventOf(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> events.list.stream()
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).findFirst(), Optional::isPresent)
                .get();
    }

    /** Reads the latest article as {@code caller}; the request's log line then names it. */
    private static void latest(HttpGraphQlTester caller) {
        caller.documentName("article/latest").variable("first", 1).execute().errors().verify();
    }

    private String tokenIdWithPrefix(String prefix) {
        List<Map<String, Object>> tokens = Testers.as(port, Tokens.Role.ADMIN).documentName("security/tokens").execute()
                .path("apiTokens").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();
        return tokens.stream().filter(token -> prefix.equals(token.get("prefix"))).map(token -> (String) token.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no token with prefix " + prefix));
    }
}
