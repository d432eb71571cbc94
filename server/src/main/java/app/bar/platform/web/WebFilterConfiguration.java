package app.bar.platform.web;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters of the platform, in order: request id, then client IP (both before
 * Spring Security, at -100, so its events and rate limits see them), then the body limit
 * (after Spring Security, so its 413 carries the security headers).
 */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

    static final int BODY_LIMIT_ORDER = 0;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
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

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BarProperties properties, ObjectProvider<BodyLimitRule> rules,
            ProblemWriter problems) {
        List<BodyLimitRule> ordered = rules.orderedStream().toList();
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.http().maxBodySize(), ordered, problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
