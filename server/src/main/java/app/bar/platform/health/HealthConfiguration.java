package app.bar.platform.health;

import app.bar.platform.web.RefusalHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The liveness probe's answer at the very front of the filter chain ({@link LivenessFilter}). */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    FilterRegistrationBean<LivenessFilter> livenessFilter(ObjectProvider<RefusalHeaders> securityHeaders) {
        RefusalHeaders headers = securityHeaders.getIfAvailable();
        // the application always has the security module's writer; a module test without that
        // module has none, and there the controller answers (no answer without the headers)
        FilterRegistrationBean<LivenessFilter> registration = new FilterRegistrationBean<>(
                new LivenessFilter(headers == null ? (request, response) -> { } : headers));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // the request id filter comes right after
        registration.setEnabled(headers != null);
        return registration;
    }
}
