package app.bar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Whether a request announces a body: the one test the filters that treat bodies apart share. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** A {@code Content-Length} above 0 or any {@code Transfer-Encoding} (a chunked body of unknown length). */
    public static boolean announced(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
