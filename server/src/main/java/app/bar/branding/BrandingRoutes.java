package app.bar.branding;

import static app.bar.platform.ratelimit.RateLimit.none;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.GET;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The brand's files: open to anyone and not rate limited, like the other static files of a page. */
@Configuration(proxyBeanMethods = false)
class BrandingRoutes {

    @Bean
    RoutePolicies brandingRoutePolicies() {
        return new RoutePolicies(List.of(
                route(GET, Branding.STYLESHEET_PATH, Access.anyone(), none()),
                route(GET, Branding.LOGO_PATH, Access.anyone(), none())));
    }
}
