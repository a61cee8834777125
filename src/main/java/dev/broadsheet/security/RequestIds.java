package dev.broadsheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost servlet filter (before the response cache answers anything) and the first of the security
 * chain (which alone runs on a separate management port), applied once: every request gets an id, taken from a proxy's
 * {@code X-Request-Id} when it is a plain token, generated otherwise, echoed in the response and put into
 * the logging MDC as {@value #REQUEST_ID} (with the caller's {@value BearerTokenFilter#TOKEN_ID}, set
 * inside) for every log event of the request. At DEBUG ({@value #LOGGER}) it logs one line per request.
 */
final class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";

    /** A lower-case name, so that {@code LOGGING_LEVEL_DEV_BROADSHEET_REQUESTS=DEBUG} can turn it on. */
    static final String LOGGER = "dev.broadsheet.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The same for both registrations, so a request passes through only the outer one. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RequestIds.class.getName() + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
        MDC.put(REQUEST_ID, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(BearerTokenFilter.TOKEN_ID);
            MDC.remove(REQUEST_ID);
        }
    }

    private static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
