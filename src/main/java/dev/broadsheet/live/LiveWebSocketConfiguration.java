package dev.broadsheet.live;

import dev.broadsheet.api.PeriodicTask;
import dev.broadsheet.security.CorsPolicy;
import dev.broadsheet.security.CorsProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL WebSocket endpoint ({@code spring.graphql.websocket.path}): handshakes checked against
 * the API's CORS policy, and connections that hold no subscription closed once idle.
 */
@Configuration(proxyBeanMethods = false)
class LiveWebSocketConfiguration {

    @Bean
    IdleClosingWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, JsonMapper json,
            GraphQlProperties graphQl, CorsProperties cors, LiveUpdates updates, LiveProperties live) {
        return new IdleClosingWebSocketHandler(handler, new JacksonJsonHttpMessageConverter(json),
                graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(),
                CorsPolicy.apiPolicy(cors), updates, live.idleTimeout());
    }

    /** Looks for idle connections four times per idle timeout. */
    @Bean
    PeriodicTask webSocketIdleSweeper(IdleClosingWebSocketHandler handler) {
        Duration period = Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(handler.idleNanos()) / 4));
        return new PeriodicTask("websocket-idle-sweeper", period, () -> handler.closeIdle(System.nanoTime()));
    }

    /** Closes connections with no subscription and no message for the idle timeout. */
    static class IdleClosingWebSocketHandler extends GraphQlWebSocketHandler {

        private static final CloseStatus IDLE = new CloseStatus(4408, "Idle: no subscription");

        private final LiveUpdates updates;
        private final long idleNanos;
        private final Map<String, Connection> connections = new ConcurrentHashMap<>();

        private static final class Connection {
            final WebSocketSession session;
            volatile long lastMessage = System.nanoTime();

            Connection(WebSocketSession session) {
                this.session = session;
            }
        }

        IdleClosingWebSocketHandler(WebGraphQlHandler handler,
                org.springframework.http.converter.HttpMessageConverter<?> converter, Duration initTimeout,
                Duration keepAlive, org.springframework.web.cors.CorsConfiguration cors, LiveUpdates updates,
                Duration idleTimeout) {
            super(handler, cast(converter), initTimeout, keepAlive, cors);
            this.updates = updates;
            this.idleNanos = idleTimeout.toNanos();
        }

        @SuppressWarnings("unchecked")
        private static org.springframework.http.converter.HttpMessageConverter<Object> cast(
                org.springframework.http.converter.HttpMessageConverter<?> converter) {
            return (org.springframework.http.converter.HttpMessageConverter<Object>) converter;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            connections.put(session.getId(), new Connection(session));
            super.afterConnectionEstablished(session);
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            Connection connection = connections.get(session.getId());
            if (connection != null) {
                connection.lastMessage = System.nanoTime();
            }
            super.handleTextMessage(session, message);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            connections.remove(session.getId());
            super.afterConnectionClosed(session, status);
        }

        /** Closes what has been idle at {@code now} (a {@link System#nanoTime()} reading). */
        void closeIdle(long now) {
            for (Connection connection : connections.values()) {
                if (now - connection.lastMessage >= idleNanos && !updates.hasSubscriptions(connection.session.getId())) {
                    try {
                        connection.session.close(IDLE);
                    } catch (IOException | RuntimeException e) {
                        connections.remove(connection.session.getId());
                    }
                }
            }
        }

        int openConnections() {
            return connections.size();
        }

        long idleNanos() {
            return idleNanos;
        }
    }
}
