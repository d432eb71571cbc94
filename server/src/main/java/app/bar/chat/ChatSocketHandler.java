package app.bar.chat;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.ratelimit.RateLimiter;
import app.bar.platform.secrets.OpaqueTokens;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A room's participants on this node. Each text frame a participant sends is relayed, unread, to
 * everyone in the room ({@link ChatRelay}) as {@code {"type":"msg","from":<participant>,"data":<frame>}};
 * the server never parses, stores or logs it. Joins and departures are announced the same way.
 * A connection that sends too fast (its own bucket, and its client IP's across nodes) is closed
 * with 1008; one that stays silent (no frame, no pong) past {@code bar.chat.idle-timeout} with 1001.
 * A burned room's connections get {@code {"type":"burned"}} and close with 4000.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler implements DisposableBean {

    static final CloseStatus BURNED = new CloseStatus(4000, "burned");
    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Set<Participant>> rooms = new ConcurrentHashMap<>();
    private final ChatRooms chatRooms;
    private final ChatRelay relay;
    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final ChatProperties properties;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chat-ping");
        t.setDaemon(true);
        return t;
    });

    ChatSocketHandler(ChatRooms chatRooms, ChatRelay relay, RateLimiter limiter, SecurityEvents events,
            ChatProperties properties) {
        this.chatRooms = chatRooms;
        this.relay = relay;
        this.limiter = limiter;
        this.events = events;
        this.properties = properties;
        relay.onFrame(this::deliver);
        long every = properties.pingInterval().toMillis();
        pinger.scheduleWithFixedDelay(this::pingOrClose, every, every, TimeUnit.MILLISECONDS);
    }

    /** One connection: who it is in the room, its send queue and its own message bucket. */
    private record Participant(String id, String room, String client, WebSocketSession session, Bucket bucket,
            long[] lastSeen) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        String room = (String) session.getAttributes().get(ChatHandshake.ROOM);
        String client = (String) session.getAttributes().get(ChatHandshake.CLIENT);
        var policy = properties.connectionMessages();
        Bucket bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(policy.capacity())
                .refillGreedy(policy.capacity(), policy.period()).build()).build();
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5_000,
                (int) properties.maxMessageSize().toBytes() * 16,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        Participant me = new Participant(OpaqueTokens.random(16), room, client, out, bucket,
                new long[] {System.nanoTime()});
        session.getAttributes().put(Participant.class.getName(), me);
        out.sendMessage(new TextMessage(frame("welcome", "you", me.id())));
        // In the room before the others hear of it: what they send on "joined" (their hello, a
        // message) must reach the newcomer. deliver() keeps the newcomer's own "joined" from it.
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(me);
        relay.send(room, frame("joined", "id", me.id()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Participant me = (Participant) session.getAttributes().get(Participant.class.getName());
        if (me == null) {
            return;
        }
        me.lastSeen()[0] = System.nanoTime();
        if (message.getPayloadLength() > properties.maxMessageSize().toBytes()) {
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (!me.bucket().tryConsume(1)
                || !limiter.tryConsume("chat-message", properties.ipMessages(), me.client()).isZero()) {
            events.record(SecurityEventType.CHAT_REFUSED, null, Map.of("room", me.room(), "reason", "rate_limited"));
            session.close(CloseStatus.POLICY_VIOLATION.withReason("rate_limited"));
            return;
        }
        relay.send(me.room(), JSON.writeValueAsString(Map.of("type", "msg", "from", me.id(),
                "data", message.getPayload())));
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        Participant me = (Participant) session.getAttributes().get(Participant.class.getName());
        if (me != null) {
            me.lastSeen()[0] = System.nanoTime();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Participant me = (Participant) session.getAttributes().remove(Participant.class.getName());
        if (me == null) {
            return;
        }
        Set<Participant> here = rooms.get(me.room());
        if (here != null) {
            here.remove(me);
            rooms.computeIfPresent(me.room(), (r, set) -> set.isEmpty() ? null : set);
        }
        relay.send(me.room(), frame("left", "id", me.id()));
        chatRooms.leave(me.room());
    }

    /** The room is gone (on this node or another): everyone in it is told and disconnected. */
    @EventListener
    void on(ChatRoomBurned burned) {
        relay.send(burned.roomId(), frame("burned", "reason", burned.reason().code()));
    }

    private void deliver(String room, String frame) {
        Set<Participant> here = rooms.get(room);
        if (here == null) {
            return;
        }
        boolean burned = frame.startsWith("{\"type\":\"burned\"");
        boolean joined = frame.startsWith("{\"type\":\"joined\"");
        for (Participant p : here) {
            if (joined && frame.equals(frame("joined", "id", p.id()))) {
                continue;
            }
            try {
                p.session().sendMessage(new TextMessage(frame));
                if (burned) {
                    p.session().close(BURNED);
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("chat.delivery_failed room={} error={}", room, e.getClass().getSimpleName());
            }
        }
    }

    private void pingOrClose() {
        long idle = properties.idleTimeout().toNanos();
        long now = System.nanoTime();
        rooms.values().forEach(set -> set.forEach(p -> {
            try {
                if (now - p.lastSeen()[0] > idle) {
                    p.session().close(CloseStatus.GOING_AWAY.withReason("idle"));
                } else {
                    p.session().sendMessage(new PingMessage());
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("chat.ping_failed room={} error={}", p.room(), e.getClass().getSimpleName());
            }
        }));
    }

    private static String frame(String type, String key, String value) {
        // LinkedHashMap order: "type" first, which deliver() relies on to see a burn
        var map = new java.util.LinkedHashMap<String, String>();
        map.put("type", type);
        map.put(key, value);
        return JSON.writeValueAsString(map);
    }

    @Override
    public void destroy() {
        pinger.shutdownNow();
    }
}
