package dev.broadsheet.graphql;

import dev.broadsheet.api.CachedResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers anonymous response-cache hits (GET, HEAD or JSON POST to the GraphQL endpoint, no
 * {@code Authorization}) at the front of the filter chain, before Spring Security and the
 * DispatcherServlet, with the same headers the handler gave the response when it was stored
 * (ETag/304, Cache-Control and Surrogate-Key on GET; Surrogate-Key on POST), plus Spring Security's
 * default response headers. A miss, or a request with a token, takes the normal path; the request it
 * parsed goes along as {@link GraphQlCall#ATTRIBUTE}.
 *
 * <p>CORS: the filter adds no CORS rules of its own. A cross-origin hit ({@code Origin} header) is
 * checked against the application's {@code corsConfigurationSource} bean, the one Spring Security's
 * {@code cors()} uses, with Spring's {@link DefaultCorsProcessor}; without such a bean it takes the
 * normal path, so whatever CORS handling is configured there applies.
 */
@Component
class ResponseCacheFilter extends org.springframework.web.filter.OncePerRequestFilter {

    /** Just before Spring Security's filter chain ({@code spring.security.filter.order}, -100). */
    static final int ORDER = -101;

    private final CachedResponses responses;
    private final HttpCachingProperties http;
    private final JsonMapper json;
    private final BeanFactory beans;
    private final String path;
    private final DefaultCorsProcessor cors = new DefaultCorsProcessor();

    ResponseCacheFilter(CachedResponses responses, HttpCachingProperties http, JsonMapper json, BeanFactory beans,
            @Value("${spring.graphql.http.path:/graphql}") String path) {
        this.responses = responses;
        this.http = http;
        this.json = json;
        this.beans = beans;
        this.path = path;
    }

    @Bean
    static FilterRegistrationBean<ResponseCacheFilter> responseCacheFilterRegistration(ResponseCacheFilter filter) {
        FilterRegistrationBean<ResponseCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(request.getRequestURI()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || CorsUtils.isPreFlightRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        HttpServletRequest onward = request;
        byte[] body = null;
        String key = null;
        if (get) {
            key = GraphQlCall.getKey(request);
        } else if ("POST".equals(method) && isJson(request)) {
            body = request.getInputStream().readNBytes(GraphQlCall.MAX_CACHED_BODY + 1);
            onward = new ReplayedBody(request, body);
            if (body.length <= GraphQlCall.MAX_CACHED_BODY) {
                key = GraphQlCall.postKey(request, body);
            }
        }
        if (key == null) {
            chain.doFilter(onward, response);
            return;
        }
        CachedResponses.Entry hit = responses.get(key);
        if (hit != null && serve(request, response, hit, get)) {
            return;
        }
        GraphQlCall call;
        try {
            call = get ? GraphQlCall.fromGet(request, json) : GraphQlCall.fromPost(request, body, json);
        } catch (GraphQlCall.Malformed e) {
            chain.doFilter(onward, response); // the normal path reports it
            return;
        }
        onward.setAttribute(GraphQlCall.ATTRIBUTE, call);
        chain.doFilter(onward, response);
    }

    /** Writes a hit; false when it must take the normal path after all (CORS without a known source). */
    private boolean serve(HttpServletRequest request, HttpServletResponse response, CachedResponses.Entry hit,
            boolean get) throws IOException {
        if (CorsUtils.isCorsRequest(request)) {
            CorsConfigurationSource source = corsSource();
            if (source == null) {
                return false;
            }
            CorsConfiguration config = source.getCorsConfiguration(request);
            if (!cors.processRequest(config, request, response)) {
                return true; // rejected, as Spring's CorsFilter would
            }
        }
        securityHeaders(response, get);
        if (!hit.surrogateKey().isEmpty()) {
            response.setHeader(HttpCachingInterceptor.SURROGATE_KEY, hit.surrogateKey());
        }
        if (get) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, http.publicCacheControl());
            if (new ServletWebRequest(request, response).checkNotModified(hit.etag())) {
                return true;
            }
        }
        response.setContentType(hit.contentType());
        response.setContentLength(hit.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(hit.body());
        }
        return true;
    }

    /**
     * What Spring Security's default header writers add to every response that went through it; a
     * hit skips that chain, so it adds them here to look the same.
     */
    private static void securityHeaders(HttpServletResponse response, boolean get) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        if (!get) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
            response.setHeader(HttpHeaders.EXPIRES, "0");
        }
    }

    private CorsConfigurationSource corsSource() {
        return beans.containsBean("corsConfigurationSource")
                ? beans.getBean("corsConfigurationSource", CorsConfigurationSource.class) : null;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The request with the body this filter already read, readable again downstream. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] head;

        ReplayedBody(HttpServletRequest request, byte[] head) {
            super(request);
            this.head = head;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            InputStream rest = super.getInputStream();
            InputStream joined = new java.io.SequenceInputStream(new ByteArrayInputStream(head), rest);
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = joined.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = joined.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }
}
