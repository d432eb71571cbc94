package app.bar.platform.web;

import app.bar.platform.logging.LogRedactor;
import jakarta.servlet.http.HttpServletRequest;

/** The client address of a request, as {@link ClientIpFilter} resolved it from trusted proxies only. */
public final class ClientIp {

    static final String ATTRIBUTE = ClientIp.class.getName();

    private ClientIp() {
    }

    public static String of(HttpServletRequest request) {
        Object ip = request.getAttribute(ATTRIBUTE);
        return ip instanceof String s ? s : request.getRemoteAddr();
    }

    /** For logs, events and access logs: {@code 203.0.***.***}. */
    public static String redacted(HttpServletRequest request) {
        return LogRedactor.ip(of(request));
    }
}
