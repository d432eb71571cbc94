package app.bar.webhook;

import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.anyMethod;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account webhook, {@code /api/account/webhook} and its deliveries: managed with a session. */
@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    @Bean
    RoutePolicies webhookRoutePolicies() {
        return RoutePolicies.of(anyMethod("/api/account/webhook/**", Access.session(), standard()));
    }
}
