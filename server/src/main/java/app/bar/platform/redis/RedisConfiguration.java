package app.bar.platform.redis;

import app.bar.platform.config.BarProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Lettuce client for the node, when {@code BAR_REDIS_URL} is set. Its connections neither
 * reconnect by themselves nor queue commands while disconnected (Lettuce's defaults, which made
 * every rate-limited request wait out the 2 s timeout during an outage): a command on a lost
 * connection fails at once, and {@link RedisAvailability} decides when to connect again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${bar.redis.url:}'.isBlank()")
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient barRedisClient(BarProperties properties) {
        RedisURI uri = RedisURI.create(properties.redis().url());
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .build());
        return client;
    }
}
