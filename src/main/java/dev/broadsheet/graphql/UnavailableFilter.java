package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorBody;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.FailureKinds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Work done before GraphQL runs (checking a bearer token) also needs MongoDB: when it cannot be
 * reached, the caller gets a 503 with {@code UNAVAILABLE} rather than a server error page.
 */
final class UnavailableFilter extends OncePerRequestFilter {

    private final FailureKinds failures;

    UnavailableFilter(FailureKinds failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!failures.isUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "2");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(ErrorBody.json(ErrorCode.UNAVAILABLE, DatabaseUnavailable.MESSAGE));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UnavailableFilter> unavailableFilter(FailureKinds failures) {
            FilterRegistrationBean<UnavailableFilter> registration = new FilterRegistrationBean<>(new UnavailableFilter(failures));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
