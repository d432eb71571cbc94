package app.bar.share;

import app.bar.platform.web.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, as much as the share module needs: the signed-in account (if any), the
 * redacted client IP and the browser family, for events and the access log.
 */
record Requester(@Nullable String accountId, @Nullable String clientIp, @Nullable String browser) {

    static final Requester SYSTEM = new Requester(null, null, null);

    static Requester of(HttpServletRequest request, @Nullable String accountId) {
        return new Requester(accountId, ClientIp.redacted(request), BrowserFamily.of(request.getHeader("User-Agent")));
    }

    boolean signedIn() {
        return accountId != null;
    }
}
