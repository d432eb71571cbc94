package app.bar.platform.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Runs {@link ProductionGuard} (every module's {@link ProductionCheck}) and, on the embedded
 * default, {@link DevKeys} as soon as the environment is known and logging is set up, before any
 * bean (and so any database or secret) is touched. Registered in {@code META-INF/spring.factories},
 * like the checks.
 */
final class DeploymentCheckListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ProductionGuard.check(event.getEnvironment());
        DevKeys.supplyMissing(event.getEnvironment(), ProductionGuard.keyRings());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener
    }
}
