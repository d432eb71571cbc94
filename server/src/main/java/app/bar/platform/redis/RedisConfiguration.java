package app.bar.platform.redis;

import app.bar.platform.config.BarProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Lettuce client for the node, when {@code BAR_REDIS_URL} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${bar.redis.url:}'.isBlank()")
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient barRedisClient(BarProperties properties) {
        RedisURI uri = RedisURI.create(properties.redis().url());
        uri.setTimeout(Duration.ofSeconds(2));
        return RedisClient.create(uri);
    }
}
