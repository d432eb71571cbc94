package app.bar.storage;

import app.bar.platform.config.UnsafeConfigurationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Profiles;

/**
 * Runs {@link StorageProductionChecks} under {@code BAR_PROFILE=prod} as soon as the environment
 * is known, right after the platform's {@code ProductionGuard} (registered after it in
 * {@code META-INF/spring.factories}), before any bean connects to anything.
 */
final class StorageCheckListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StorageCheckListener.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!event.getEnvironment().acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = StorageProductionChecks.problems(event.getEnvironment());
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("config.invalid {}", p));
            throw new UnsafeConfigurationException(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after LoggingApplicationListener
    }
}
