package app.bar.webhook;

import app.bar.support.BarIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * One application context for the webhook ITs that deliver: the worker on (only here: every other
 * test context leaves it off, see TestBackends), receivers on 127.0.0.1 allowed, short timeouts and
 * retries so failures and deaths happen within seconds, and shares that lock after two wrong
 * passwords with at most a second between tries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BarIntegrationTest
@TestPropertySource(properties = {
        "bar.webhooks.worker-enabled=true",
        "bar.webhooks.allow-private-addresses=true",
        "bar.webhooks.worker-interval=100ms",
        "bar.webhooks.retry-initial-delay=200ms",
        "bar.webhooks.retry-max-delay=1s",
        "bar.webhooks.retry-horizon=4s",
        "bar.webhooks.connect-timeout=1s",
        "bar.webhooks.total-timeout=2s",
        "bar.shares.lock-after-failed-attempts=2",
        "bar.shares.max-attempt-delay=1s",
        "bar.shares.cleanup-interval=PT1H"})
public @interface WebhookIntegrationTest {

    /** The same settings for a second node started by hand ({@code TestNodes.start}). */
    Map<String, String> NODE_PROPERTIES = Map.ofEntries(
            Map.entry("bar.webhooks.worker-enabled", "true"),
            Map.entry("bar.webhooks.allow-private-addresses", "true"),
            Map.entry("bar.webhooks.worker-interval", "100ms"),
            Map.entry("bar.webhooks.retry-initial-delay", "200ms"),
            Map.entry("bar.webhooks.retry-max-delay", "1s"),
            Map.entry("bar.webhooks.retry-horizon", "4s"),
            Map.entry("bar.webhooks.connect-timeout", "1s"),
            Map.entry("bar.webhooks.total-timeout", "2s"),
            Map.entry("bar.shares.cleanup-interval", "PT1H"));
}
