package dev.broadsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer ...}: Broadsheet API tokens ({@code bs_...}) or, when an identity
 * provider is configured, JWTs. No header means an anonymous reader; a bad token is a 401, never a
 * silent downgrade to anonymous. The caller's id (never the secret) goes into the logging MDC as
 * {@value #TOKEN_ID}; {@link RequestIds}, around this filter, clears it.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_ID = "tokenId";

    private final BearerTokens tokens;

    BearerTokenFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = tokens.fromHeader(header);
        if (caller.isEmpty()) {
            HttpErrors.unauthenticated(response, "The bearer token is invalid, expired or revoked");
            return;
        }
        MDC.put(TOKEN_ID, caller.get().id());
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
