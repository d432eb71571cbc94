package app.bar.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSRF guard on the system resolver, the HTTP sender and the retry schedule, from {@code bar.webhooks.*}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties) {
        return new WebhookTargets(HostResolver.SYSTEM, properties.allowHttp(), properties.allowPrivateAddresses());
    }

    @Bean
    WebhookHttp webhookHttp(WebhookTargets targets, WebhookProperties properties) {
        return new WebhookHttp(targets, properties.connectTimeout(), properties.totalTimeout(),
                (int) properties.maxResponseSize().toBytes());
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.retryInitialDelay(), properties.retryMaxDelay(), properties.retryHorizon());
    }
}
