package app.bar.platform.hashing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HashingConfiguration {

    @Bean(destroyMethod = "close")
    HashingPool hashingPool(HashingProperties properties) {
        return new HashingPool(properties.effectiveThreads(), properties.queueCapacity(), properties.refusalHold());
    }
}
