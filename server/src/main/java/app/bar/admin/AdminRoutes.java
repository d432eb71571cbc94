package app.bar.admin;

import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.anyMethod;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /api/admin/**}, every path under it (mapped or not), for the {@code ADMIN} role only. */
@Configuration(proxyBeanMethods = false)
class AdminRoutes {

    @Bean
    RoutePolicies adminRoutePolicies() {
        return RoutePolicies.of(anyMethod("/api/admin/**", Access.admin(), standard()));
    }
}
