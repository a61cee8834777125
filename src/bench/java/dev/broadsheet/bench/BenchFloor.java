package dev.broadsheet.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benchmark's floor: a raw servlet filter in the same application, at the front of the chain,
 * answering {@code GET /bench-floor/<case>} with bytes stored by {@code PUT /bench-floor/<case>} (the
 * script stores the real response of each case). Response-cache hits are reported as a ratio to it.
 */
@Configuration(proxyBeanMethods = false)
class BenchFloor {

    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    @Bean
    FilterRegistrationBean<Filter> benchFloorFilter() {
        Filter filter = (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String uri = request.getRequestURI();
            if (!uri.startsWith("/bench-floor/")) {
                chain.doFilter(req, res);
                return;
            }
            String name = uri.substring("/bench-floor/".length());
            if ("PUT".equals(request.getMethod())) {
                bodies.put(name, request.getInputStream().readAllBytes());
                response.setStatus(204);
                return;
            }
            byte[] body = bodies.get(name);
            if (body == null) {
                response.setStatus(404);
                return;
            }
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(-102);
        registration.addUrlPatterns("/bench-floor/*");
        return registration;
    }
}
