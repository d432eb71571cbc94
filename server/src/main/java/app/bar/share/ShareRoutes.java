package app.bar.share;

import static app.bar.platform.ratelimit.RateLimit.perAnonymousIp;
import static app.bar.platform.ratelimit.RateLimit.perCaller;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import app.bar.platform.ratelimit.RatePolicy;
import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The policies of {@code /api/shares/**} (DESIGN.md §4). Shares are open to anonymous callers and
 * check their own rules (password, OTP, manage token); a signed-in caller needs the matching scope
 * to list, create or burn (an API token made for reading cannot create). Unlock and anonymous
 * creation have their own limits; creation takes a text in its JSON body, and the upload streams
 * and enforces its own limit while it reads.
 */
@Configuration(proxyBeanMethods = false)
class ShareRoutes {

    /** A 1 MiB text in JSON, with room for escapes and the policy fields. */
    static final DataSize CREATE_LIMIT = DataSize.ofMegabytes(2);

    @Bean
    RoutePolicies shareRoutePolicies(Limits limits, ShareProperties properties) {
        long textRoom = Math.max(CREATE_LIMIT.toBytes(), properties.maxTextSize().toBytes() * 2);
        return RoutePolicies.of(
                route(POST, "/api/shares", Access.anonymousOrScope("shares:write"),
                        perAnonymousIp("share-create", limits.shareCreate())).bodyLimit(DataSize.ofBytes(textRoom)),
                route(GET, "/api/shares", Access.anonymousOrScope("shares:read"), standard()),
                route(GET, "/api/share-policy", Access.anyone(), standard()),
                route(GET, "/api/shares/{id}", Access.anyone(), standard()),
                route(GET, "/api/shares/limits", Access.anyone(), standard()),
                route(DELETE, "/api/shares/{id}", Access.anonymousOrScope("shares:write"), standard()),
                route(PUT, "/api/shares/{id}/content", Access.anyone(), standard()).bodyStreamedByHandler(),
                route(POST, "/api/shares/{id}/content", Access.anyone(), standard()),
                route(POST, "/api/shares/{id}/unlock", Access.anyone(), perCaller("share-unlock", limits.shareUnlock())),
                route(POST, "/api/shares/{id}/burn", Access.anyone(), perCaller("share-unlock", limits.shareUnlock())),
                route(GET, "/api/shares/{id}/status", Access.anyone(), standard()),
                route(GET, "/api/shares/{id}/events", Access.anonymousOrScope("shares:read"), standard()),
                route(GET, "/api/shares/{id}/receipt", Access.anonymousOrScope("shares:read"), standard()),
                route(GET, "/.well-known/bar-receipt-keys", Access.anyone(), standard()),
                route(PUT, "/api/shares/{id}/label", Access.scope("shares:write"), standard()),
                route(POST, "/api/shares/{id}/mail", Access.scope("shares:write"), perCaller("share-mail", limits.shareMail())));
    }

    /**
     * The share module's rate-limit policies, {@code bar.rate-limits.*} ({@code BAR_RATELIMITS_SHAREUNLOCK}):
     * unlock per client IP or account, creation per anonymous client IP, mailing a share's link
     * per account ({@code BAR_RATELIMITS_SHAREMAIL}; requests, each up to 10 addresses).
     */
    @ConfigurationProperties("bar.rate-limits")
    record Limits(
            @DefaultValue("30/1m") RatePolicy shareUnlock,
            @DefaultValue("20/1h") RatePolicy shareCreate,
            @DefaultValue("10/1h") RatePolicy shareMail) {
    }
}
