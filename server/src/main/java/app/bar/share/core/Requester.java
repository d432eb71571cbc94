package app.bar.share.core;

import app.bar.platform.web.ClientIp;
import app.bar.platform.web.UserAgents;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, as much as the share module needs: the signed-in account (if any), the
 * redacted client IP and the browser family, for events and the access log.
 */
public record Requester(@Nullable String accountId, @Nullable String clientIp, @Nullable String browser) {

    public static final Requester SYSTEM = new Requester(null, null, null);

    public static Requester of(HttpServletRequest request, @Nullable String accountId) {
        return new Requester(accountId, ClientIp.redacted(request), UserAgents.browser(request.getHeader("User-Agent")));
    }

    public boolean signedIn() {
        return accountId != null;
    }
}
