package app.bar.platform;

import static app.bar.platform.ratelimit.RateLimit.none;
import static app.bar.platform.web.RoutePolicy.anyMethod;
import static app.bar.platform.web.RoutePolicy.route;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static org.springframework.http.HttpMethod.GET;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time comes from here, so expiry, lockout and delays are testable without sleeping; and the
 * platform's own routes: the health checks and the error page, open and not rate limited.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoutePolicies platformRoutePolicies() {
        return RoutePolicies.of(
                route(GET, "/healthz", Access.anyone(), none()),
                route(GET, "/readyz", Access.anyone(), none()),
                anyMethod("/error", Access.anyone(), none()),
                // the OpenAPI document, mapped only when BAR_OPENAPI_ENABLED=true: public API shape, no secrets
                route(GET, "/v3/api-docs", Access.anyone(), standard()),
                route(GET, "/v3/api-docs/**", Access.anyone(), standard()));
    }
}
