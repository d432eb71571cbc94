package app.bar.platform.web;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.ratelimit.RateLimitProperties;
import app.bar.platform.ratelimit.RateLimiter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters of the platform, in order (after the liveness probe's answer, which has
 * its own): request id, then client IP (both before
 * Spring Security, at -100, so its events and rate limits see them), then the slow-body defence
 * ({@link SlowBodyFilter}: concurrent bodies per client, minimum rate), then the body limit
 * (after Spring Security, so its 413 carries the security headers), then the rate limit (the
 * account is known). The last two read every module's {@link RoutePolicies} from the {@link RouteTable}.
 */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

    /** Right after the liveness probe's answer (platform.health, at the highest precedence). */
    static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int BODY_LIMIT_ORDER = 0;
    /** After Spring Security (-100) and the body limit (0): the account is known, headers are set. */
    static final int RATE_LIMIT_ORDER = 10;

    @Bean
    RouteTable routeTable(ObjectProvider<RoutePolicies> contributions) {
        return new RouteTable(contributions.orderedStream().toList());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_ORDER);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ClientIpFilter> clientIpFilter(BarProperties properties) {
        FilterRegistrationBean<ClientIpFilter> registration =
                new FilterRegistrationBean<>(new ClientIpFilter(properties.http().trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Right after the client IP: a refused or too slow body costs no security work. */
    @Bean
    FilterRegistrationBean<SlowBodyFilter> slowBodyFilter(SlowBodyProperties properties, ProblemWriter problems,
            ObjectProvider<RefusalHeaders> refusalHeaders) {
        // the application always has the security module's writer; a module test without that
        // module (Spring Modulith's @ApplicationModuleTest) has none and answers without headers
        FilterRegistrationBean<SlowBodyFilter> registration = new FilterRegistrationBean<>(new SlowBodyFilter(properties,
                problems, refusalHeaders.getIfAvailable(() -> (request, response) -> { }), System::nanoTime));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BarProperties properties, RouteTable routes,
            ProblemWriter problems) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.http().maxBodySize(), routes, problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, RouteTable routes,
            RateLimitProperties properties, ProblemWriter problems, ApplicationEventPublisher events, Clock clock) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limiter, routes, properties.api(), problems, events, clock));
        registration.setOrder(RATE_LIMIT_ORDER);
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
