package dev.broadsheet.security;

import dev.broadsheet.api.ErrorBody;
import dev.broadsheet.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer ...}: Broadsheet API tokens ({@code bs_...}) or, when an identity
 * provider is configured, JWTs. No header means an anonymous reader; a bad token is a 401, never a
 * silent downgrade to anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final Optional<JwtCallers> jwt;

    BearerTokenFilter(ApiTokenService tokens, Optional<JwtCallers> jwt) {
        this.tokens = tokens;
        this.jwt = jwt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = authenticate(header);
        if (caller.isEmpty()) {
            reject(response);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<Caller> authenticate(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String credential = header.substring(BEARER.length()).strip();
        if (credential.startsWith(ApiTokenService.SECRET_PREFIX)) {
            return tokens.authenticate(credential);
        }
        return jwt.flatMap(callers -> callers.authenticate(credential));
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(ErrorBody.json(ErrorCode.UNAUTHENTICATED, "The bearer token is invalid, expired or revoked"));
    }
}
