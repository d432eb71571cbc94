package app.bar.security;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page (for requests it refuses before any filter, such as a malformed or
 * traversing URI) is an HTML page without our headers. This valve writes the problem body with
 * the security headers instead.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final RefusedRequestWriter writer;

    ProblemErrorReportValve(RefusedRequestWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            writer.write(request, response, status);
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to say
        }
    }
}
