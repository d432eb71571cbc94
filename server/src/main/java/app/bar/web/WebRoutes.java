package app.bar.web;

import static app.bar.platform.ratelimit.RateLimit.none;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.GET;

import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import app.bar.platform.web.RoutePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pages and their static assets (with {@code /favicon.ico} and {@code /robots.txt}, which
 * browsers and crawlers ask for by name): open to anyone and not rate limited (a page load fetches
 * several files, with its language's texts from {@code /i18n/<lang>.json}; everything a page does goes through the API, which is).
 */
@Configuration(proxyBeanMethods = false)
class WebRoutes {

    @Bean
    RoutePolicies webRoutePolicies() {
        List<RoutePolicy> routes = new ArrayList<>();
        Stream.concat(PageController.PAGES.keySet().stream().sorted(), Stream.of(PageController.OPEN, PageController.CHAT,
                PageController.REQUEST, PageController.REQUEST_OPEN,
                "/css/**", "/js/**", "/i18n/*.json", "/vendor/**", "/favicon.svg", "/favicon.ico", "/robots.txt"))
                .forEach(path -> routes.add(route(GET, path, Access.anyone(), none())));
        return new RoutePolicies(routes);
    }
}
