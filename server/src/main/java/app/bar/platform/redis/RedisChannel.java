package app.bar.platform.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One Redis pub/sub channel a node both publishes on and listens to, kept connected through
 * {@link RedisAvailability}: subscribed when the node starts with Redis reachable and again after
 * every outage, with a fresh publishing connection. While Redis is not configured or away,
 * {@link #publish} does nothing (the caller's in-process path is all there is). Its owner closes it.
 */
public final class RedisChannel implements AutoCloseable {

    private final RedisAvailability redis;
    private final String channel;
    private final Consumer<String> listener;
    /** Guards the connections: a private lock, so no caller holding this object can stall a reconnect. */
    private final Object connections = new Object();
    private volatile @Nullable StatefulRedisConnection<String, String> publisher;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

    private RedisChannel(RedisAvailability redis, String channel, Consumer<String> listener) {
        this.redis = redis;
        this.channel = channel;
        this.listener = listener;
    }

    /** The channel {@code name}, each message handed to {@code listener}; null when Redis is not configured. */
    public static @Nullable RedisChannel open(RedisAvailability redis, String name, Consumer<String> listener) {
        if (!redis.isConfigured()) {
            return null;
        }
        RedisChannel channel = new RedisChannel(redis, name, listener);
        redis.whenAvailable(channel::subscribe);
        return channel;
    }

    /** Publishes {@code message} to every node (this one too), when Redis is reachable. */
    public void publish(String message) {
        StatefulRedisConnection<String, String> connection = publisher;
        if (connection == null || !redis.isAvailable()) {
            return;
        }
        try {
            connection.async().publish(channel, message);
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }

    private void subscribe() {
        synchronized (connections) {
            close();
            RedisClient client = redis.client();
            StatefulRedisPubSubConnection<String, String> fresh = client.connectPubSub();
            subscriber = fresh;
            fresh.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    listener.accept(message);
                }
            });
            fresh.sync().subscribe(channel);
            publisher = client.connect();
        }
    }

    @Override
    public void close() {
        synchronized (connections) {
            closeConnections();
        }
    }

    private void closeConnections() {
        StatefulRedisPubSubConnection<String, String> oldSubscriber = subscriber;
        StatefulRedisConnection<String, String> oldPublisher = publisher;
        subscriber = null;
        publisher = null;
        if (oldSubscriber != null) {
            oldSubscriber.close();
        }
        if (oldPublisher != null) {
            oldPublisher.close();
        }
    }
}
