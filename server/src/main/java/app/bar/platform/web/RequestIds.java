package app.bar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
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

    /**
     * Gives the request its id, once: a fresh random one (a client-sent {@code X-Request-Id} is
     * ignored, so nobody plants a value in our logs), in the attribute and the response header.
     */
    public static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String existing ? existing : newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        return id;
    }

    /**
     * 96 random bits from the thread's own generator. A request id is no secret and guards
     * nothing; it must only not repeat. The JDK's shared {@code SecureRandom} (NativePRNG) reads
     * through one global lock, which every request contended for (issue #12: 848 monitor waits of
     * at least 10 ms in 30 s of round trips).
     */
    private static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The id of the request this thread serves, from the logging context. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? "none" : id;
    }
}
