package app.bar.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** Issue 11 item 5: the breaker around Redis — fall back at once, probe in the background, count changes once. */
class RedisAvailabilityTests {

    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RedisAvailability redis;

    @AfterEach
    void stop() {
        redis.destroy();
    }

    @Test
    void startWhenRedisAnswersThenAvailableAfterTheUsersReconnected() {
        redis = started();
        await().atMost(Duration.ofSeconds(5)).until(redis::isAvailable);
        assertThat(reconnects).hasValue(1);
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void failedWhenManyRequestsFailThenUnavailableAtOnceAndCountedOnce() {
        redis = started();
        await().atMost(Duration.ofSeconds(5)).until(redis::isAvailable);
        redisUp.set(false);
        for (int i = 0; i < 100; i++) {
            redis.failed(new RedisConnectionException("connection lost"));
        }
        assertThat(redis.isAvailable()).isFalse();
        assertThat(gauge()).isZero();
        assertThat(changes("unavailable")).isEqualTo(1);
    }

    @Test
    void probeWhenRedisBackThenUsersReconnectAndAvailableAgain() {
        redis = started();
        await().atMost(Duration.ofSeconds(5)).until(redis::isAvailable);
        redisUp.set(false);
        redis.failed(new RedisConnectionException("connection lost"));
        redisUp.set(true);
        await().atMost(Duration.ofSeconds(5)).until(redis::isAvailable);
        assertThat(reconnects).hasValue(2);
        assertThat(changes("available")).isEqualTo(2);
        assertThat(changes("unavailable")).isEqualTo(1);
    }

    @Test
    void startWhenRedisDownThenUnavailableAndUsersConnectOnceItIsBack() {
        // a node that starts during an outage subscribes to revocation notices once Redis is back
        redisUp.set(false);
        redis = started();
        await().atMost(Duration.ofSeconds(5)).until(() -> changes("unavailable") == 1);
        assertThat(redis.isAvailable()).isFalse();
        assertThat(reconnects).hasValue(0);
        redisUp.set(true);
        await().atMost(Duration.ofSeconds(5)).until(redis::isAvailable);
        assertThat(reconnects).hasValue(1);
        assertThat(changes("unavailable")).as("counted once, not per probe").isEqualTo(1);
    }

    @Test
    void probeWhenReconnectFailsThenStillUnavailable() {
        redis = new RedisAvailability(provider(client()), meters);
        redis.whenAvailable(() -> {
            throw new RedisConnectionException("refused");
        });
        redis.afterSingletonsInstantiated();
        await().atMost(Duration.ofSeconds(5)).until(() -> changes("unavailable") == 1);
        assertThat(redis.isAvailable()).isFalse();
    }

    @Test
    void notConfiguredThenNeverAvailableAndNothingProbed() {
        redis = new RedisAvailability(provider(null), meters);
        redis.afterSingletonsInstantiated();
        assertThat(redis.isConfigured()).isFalse();
        assertThat(redis.isAvailable()).isFalse();
        assertThat(gauge()).isZero();
        assertThat(changes("available") + changes("unavailable")).isZero();
    }

    private RedisAvailability started() {
        RedisAvailability availability = new RedisAvailability(provider(client()), meters);
        availability.whenAvailable(reconnects::incrementAndGet);
        availability.afterSingletonsInstantiated();
        return availability;
    }

    /** A client whose connections answer PING while {@link #redisUp}, and are refused otherwise. */
    @SuppressWarnings("unchecked")
    private RedisClient client() {
        RedisClient client = mock(RedisClient.class);
        StatefulRedisConnection<String, String> connection = mock(StatefulRedisConnection.class);
        RedisCommands<String, String> commands = mock(RedisCommands.class);
        when(connection.sync()).thenReturn(commands);
        when(commands.ping()).thenReturn("PONG");
        when(client.connect()).thenAnswer(call -> {
            if (!redisUp.get()) {
                throw new RedisConnectionException("Connection refused");
            }
            return connection;
        });
        return client;
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<RedisClient> provider(RedisClient client) {
        ObjectProvider<RedisClient> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(client);
        return provider;
    }

    private double gauge() {
        return meters.get("bar.redis.available").gauge().value();
    }

    private double changes(String state) {
        return meters.get("bar.redis.state.changes").tag("state", state).counter().count();
    }
}
