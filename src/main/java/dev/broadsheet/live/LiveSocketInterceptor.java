package dev.broadsheet.live;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.security.BearerTokens;
import dev.broadsheet.security.Caller;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a WebSocket connection from its {@code connection_init} payload
 * ({@code {"Authorization": "Bearer bs_..."}}); only editors and admins may connect. Every operation
 * on the connection then runs with that caller in its GraphQL context.
 */
@Component
class LiveSocketInterceptor implements WebSocketGraphQlInterceptor {

    static final String CALLER = "dev.broadsheet.live.caller";
    static final String SESSION = "dev.broadsheet.live.session";

    private final BearerTokens tokens;

    LiveSocketInterceptor(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Optional<Caller> caller = credential(payload).flatMap(tokens::authenticate);
        if (caller.isEmpty()) {
            return Mono.error(new ApiException(ErrorCode.UNAUTHENTICATED,
                    "Send an editor's bearer token as Authorization in the connection_init payload"));
        }
        if (!caller.get().isStaff()) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN, "Live updates are for editors"));
        }
        session.getAttributes().put(CALLER, caller.get());
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            Object caller = socket.getSessionInfo().getAttributes().get(CALLER);
            String sessionId = socket.getSessionInfo().getId();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
                if (caller != null) {
                    context.put(CALLER, caller);
                }
                context.put(SESSION, sessionId);
            }).build());
        }
        return chain.next(request);
    }

    private static Optional<String> credential(Map<String, Object> payload) {
        if (payload == null) {
            return Optional.empty();
        }
        for (String key : new String[] {"Authorization", "authorization", "token"}) {
            if (payload.get(key) instanceof String value && !value.isBlank()) {
                String bearer = "Bearer ";
                return Optional.of(value.regionMatches(true, 0, bearer, 0, bearer.length())
                        ? value.substring(bearer.length()).strip() : value.strip());
            }
        }
        return Optional.empty();
    }
}
