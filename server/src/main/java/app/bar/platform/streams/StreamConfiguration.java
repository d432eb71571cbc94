package app.bar.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamConfiguration.class);

    @Bean
    StreamSlots streamSlots(StreamProperties properties, ObjectProvider<MeterRegistry> meters) {
        int bound = properties.effectiveBound();
        log.info("streams.bound max_concurrent={} max_heap_mib={} configured={}", bound,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), properties.maxConcurrent() > 0);
        return new StreamSlots(bound, properties.retryAfter(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
