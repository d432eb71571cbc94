package app.bar.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * {@code @Async} (that is, every {@code @ApplicationModuleListener}) runs on
 * {@link EventListenerExecutor}; a listener's exception is counted and logged by class only (a
 * message can carry values) — its publication stays in the registry for a retry. Both are looked
 * up on first use: an {@link AsyncConfigurer} is created early, before most beans may be.
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventConfiguration.class);

    private final ObjectProvider<EventListenerExecutor> executor;
    private final ObjectProvider<MeterRegistry> meters;

    EventConfiguration(ObjectProvider<EventListenerExecutor> executor, ObjectProvider<MeterRegistry> meters) {
        this.executor = executor;
        this.meters = meters;
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor.getObject().executor();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (error, method, params) -> {
            Counter failures = meters.getObject().counter("bar.events.listener.failures");
            failures.increment();
            log.warn("event.listener_failed listener={}.{} error={}", method.getDeclaringClass().getSimpleName(),
                    method.getName(), error.getClass().getSimpleName());
        };
    }
}
