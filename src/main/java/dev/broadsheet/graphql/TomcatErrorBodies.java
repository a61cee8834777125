package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorBody;
import dev.broadsheet.api.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (a path that climbs above the root, headers too
 * large to answer) get the same JSON error shape as every other error, not Tomcat's HTML page with its
 * version and exception names.
 */
@Component
class TomcatErrorBodies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, as {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}. */
    public static class JsonErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND : status < 500 ? ErrorCode.VALIDATION
                    : status == 503 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
            String message = status < 500 ? "The request could not be read (HTTP " + status + ")"
                    : "The server could not answer this request (HTTP " + status + ")";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ErrorBody.json(code, message));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response committed: nothing more to say
            }
        }
    }
}
