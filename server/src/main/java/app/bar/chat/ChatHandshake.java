package app.bar.chat;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The door of a room's socket. The {@code Origin} must be BAR's own (a page elsewhere cannot ride
 * a visitor's browser into a room: cross-site WebSocket hijacking); the room must be live; and a
 * place is taken atomically ({@link ChatRooms#join}), so a participant beyond the room's number is
 * refused with 409 even when two nodes admit at once. Refusals are problems, and
 * {@code chat.refused} security events. Spring's own origin check compares with the request's
 * {@code Host}, which behind a proxy is not BAR's public address: this one compares with
 * {@code BAR_PUBLIC_URL}.
 */
@Component
class ChatHandshake implements HandshakeInterceptor {

    static final String ROOM = "bar.chat.room";
    static final String CLIENT = "bar.chat.client";
    private static final String PREFIX = "/api/chat/rooms/";

    private final ChatRooms rooms;
    private final PublicUrl publicUrl;
    private final SecurityEvents events;
    private final ProblemWriter problems;

    ChatHandshake(ChatRooms rooms, PublicUrl publicUrl, SecurityEvents events, ProblemWriter problems) {
        this.rooms = rooms;
        this.publicUrl = publicUrl;
        this.events = events;
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        HttpServletRequest http = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse out = ((ServletServerHttpResponse) response).getServletResponse();
        String room = roomId(http);
        if (!ChatOrigin.isOwn(request.getHeaders().getFirst(HttpHeaders.ORIGIN), publicUrl.base())) {
            events.record(SecurityEventType.CHAT_REFUSED, null, Map.of("room", room, "reason", "origin"));
            problems.write(out, new BarProblem.Forbidden(ChatCodes.ORIGIN_REFUSED,
                    "A room's socket is opened only from BAR's own pages."));
            return false;
        }
        try {
            rooms.join(room);
        } catch (BarProblem problem) {
            if (problem instanceof BarProblem.NotFound) {
                events.record(SecurityEventType.CHAT_REFUSED, null, Map.of("room", room, "reason", "gone"));
            }
            problems.write(out, problem);
            return false;
        }
        attributes.put(ROOM, room);
        attributes.put(CLIENT, ClientIp.of(http));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
        if (exception != null) {
            rooms.leave(roomId(((ServletServerHttpRequest) request).getServletRequest()));
        }
    }

    private static String roomId(HttpServletRequest http) {
        String path = http.getRequestURI().substring(http.getContextPath().length());
        int end = path.indexOf('/', PREFIX.length());
        String id = end < 0 ? "" : path.substring(PREFIX.length(), end);
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
