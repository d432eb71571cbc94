package app.bar.chat;

import app.bar.platform.config.BarProperties;
import app.bar.platform.redis.RedisAvailability;
import app.bar.platform.redis.RedisChannel;
import app.bar.platform.secrets.OpaqueTokens;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Carries a room's frames to every node: delivered to this node's participants at once and, when
 * Redis is configured and reachable, published on one channel ({@code <namespace>:chat}) that
 * every node subscribes to, each delivering to its own participants of the room. A frame is held in
 * memory only while it passes: Redis pub/sub keeps nothing (no stream, no key). While Redis is away
 * a room works within one node (see {@link RedisAvailability}).
 */
@Component
class ChatRelay implements DisposableBean {

    /** What a node does with a frame for a room: its {@code ChatSocketHandler} delivers it. */
    private volatile @Nullable BiConsumer<String, String> deliver;
    private final String node = OpaqueTokens.newId();
    private final @Nullable RedisChannel channel;

    ChatRelay(RedisAvailability redis, BarProperties bar) {
        this.channel = RedisChannel.open(redis, bar.redis().namespace() + ":chat", this::fromOtherNode);
    }

    void onFrame(BiConsumer<String, String> delivery) {
        this.deliver = delivery;
    }

    /** Sends {@code frame} to every participant of {@code room} on every node. */
    void send(String room, String frame) {
        deliverHere(room, frame);
        if (channel != null) {
            channel.publish(node + "\n" + room + "\n" + frame);
        }
    }

    private void fromOtherNode(String message) {
        int first = message.indexOf('\n');
        int second = first < 0 ? -1 : message.indexOf('\n', first + 1);
        if (second > 0 && !(first == node.length() && message.startsWith(node))) {
            deliverHere(message.substring(first + 1, second), message.substring(second + 1));
        }
    }

    private void deliverHere(String room, String frame) {
        BiConsumer<String, String> d = deliver;
        if (d != null) {
            d.accept(room, frame);
        }
    }

    @Override
    public void destroy() {
        if (channel != null) {
            channel.close();
        }
    }
}
