package app.bar.share.request;

import static app.bar.platform.ratelimit.RateLimit.perCaller;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import app.bar.platform.ratelimit.RatePolicy;
import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The policies of {@code /api/requests/**}. Making, listing, reading the answer of and withdrawing
 * a request need a signed-in requester (an API token with the share scopes will do); reading an
 * open request and answering it are open to anyone with the link, answering limited per client IP
 * (or account), {@code bar.rate-limits.request-fill}.
 */
@Configuration(proxyBeanMethods = false)
class RequestRoutes {

    @Bean
    RoutePolicies requestRoutePolicies(Limits limits) {
        return RoutePolicies.of(
                route(POST, "/api/requests", Access.scope("shares:write"), standard()),
                route(GET, "/api/requests", Access.scope("shares:read"), standard()),
                route(GET, "/api/requests/{id}", Access.anyone(), perCaller("request-fill", limits.requestFill())),
                route(GET, "/api/requests/{id}/answer", Access.scope("shares:read"), standard()),
                route(DELETE, "/api/requests/{id}", Access.scope("shares:write"), standard()),
                route(POST, "/api/requests/{id}/fulfil", Access.anyone(), perCaller("request-fill", limits.requestFill()))
                        .bodyLimit(DataSize.ofMegabytes(2)));
    }

    /** {@code bar.rate-limits.request-fill} ({@code BAR_RATELIMITS_REQUESTFILL}): reads and answers per client IP or account. */
    @ConfigurationProperties("bar.rate-limits")
    record Limits(@DefaultValue("30/1h") RatePolicy requestFill) {
    }
}
