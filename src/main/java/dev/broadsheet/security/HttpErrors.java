package dev.broadsheet.security;

import dev.broadsheet.api.ErrorBody;
import dev.broadsheet.api.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The JSON error bodies security answers before any handler runs (401 and 403). */
final class HttpErrors {

    private HttpErrors() {
    }

    static void unauthenticated(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, ErrorCode.UNAUTHENTICATED, message);
    }

    static void forbidden(HttpServletResponse response, String message) throws IOException {
        write(response, ErrorCode.FORBIDDEN, message);
    }

    private static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(ErrorBody.json(code, message));
    }
}
