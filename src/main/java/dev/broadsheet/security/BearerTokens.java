package dev.broadsheet.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer credential into a caller: Broadsheet API tokens ({@code bs_...}) or, when an identity
 * provider is configured, JWTs. Used by the HTTP filter and by transports that carry the token
 * elsewhere (a WebSocket's {@code connection_init} payload).
 */
@Component
public class BearerTokens {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final Optional<JwtCallers> jwt;

    BearerTokens(ApiTokenService tokens, ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties) {
        this.tokens = tokens;
        this.jwt = Optional.ofNullable(jwtDecoder.getIfAvailable())
                .map(decoder -> new JwtCallers(decoder, properties.jwtRolesClaim()));
    }

    /** The caller a header value ({@code Bearer ...}) names; empty for a bad, expired or revoked token. */
    public Optional<Caller> fromHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return authenticate(header.substring(BEARER.length()).strip());
    }

    /** The caller a bare credential names; empty for a bad, expired or revoked token. */
    public Optional<Caller> authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        if (credential.startsWith(ApiTokenService.SECRET_PREFIX)) {
            return tokens.authenticate(credential);
        }
        return jwt.flatMap(callers -> callers.authenticate(credential));
    }
}
