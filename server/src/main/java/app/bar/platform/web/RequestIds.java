package app.bar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/** The id every response carries in {@code X-Request-Id} and every log line of the request in its MDC. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The request's id; "none" outside a request the filter saw. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : "none";
    }

    /** The id of the request this thread serves, from the logging context. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? "none" : id;
    }
}
