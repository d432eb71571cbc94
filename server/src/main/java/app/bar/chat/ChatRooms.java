package app.bar.chat;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Rooms: opened with a lifetime and a number of places, joined and left atomically (the database's
 * row count decides), burned by their owner, by expiry or (when asked for) by the last one leaving.
 * A room that is gone, or a wrong owner token, answers {@code resource.not_found} as a gone share does.
 */
@Service
class ChatRooms {

    private static final Logger log = LoggerFactory.getLogger(ChatRooms.class);
    /** Room ids are 128 random bits in base64url (22 characters). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ChatRoomRepository rooms;
    private final ChatProperties properties;
    private final SecurityEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ChatRooms(ChatRoomRepository rooms, ChatProperties properties, SecurityEvents events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.rooms = rooms;
        this.properties = properties;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A new room and the owner token that burns it (shown once). */
    record Opened(ChatRoom room, String ownerToken) {
        @Override
        public String toString() {
            return "Opened[" + room + ", ownerToken=hidden]";
        }
    }

    Opened open(@Nullable Long lifetimeSeconds, @Nullable Integer maxParticipants, boolean burnWhenEmpty,
            @Nullable String accountId) {
        Duration lifetime = lifetime(lifetimeSeconds);
        int places = places(maxParticipants);
        String token = OwnerTokens.newToken();
        Instant now = clock.instant();
        ChatRoom room = new ChatRoom(OpaqueTokens.newId(), OwnerTokens.hash(token), accountId, places, 0,
                burnWhenEmpty, now, now.plus(lifetime));
        rooms.insert(room);
        log.info("chat.room_opened id={} places={} lifetime={}", room.id(), places, lifetime);
        return new Opened(room, token);
    }

    /** The live room, or 404. */
    ChatRoom live(String id) {
        if (!ID.matcher(id).matches()) {
            throw new BarProblem.NotFound();
        }
        return rooms.find(id).filter(r -> r.liveAt(clock.instant())).orElseThrow(BarProblem.NotFound::new);
    }

    /** The owner burns the room: 404 when it is gone or the token is not its owner's. */
    void burn(String id, String ownerToken, @Nullable String accountId) {
        ChatRoom room = live(id);
        if (!OwnerTokens.matches(room, ownerToken)) {
            throw new BarProblem.NotFound();
        }
        if (rooms.delete(id)) {
            gone(id, ChatRoomBurned.Reason.OWNER, accountId);
        }
    }

    /** Takes a place in the room, or refuses: 404 when it is gone, 409 {@code chat.room_full}. */
    void join(String id) {
        ChatRoom room = live(id);
        if (!rooms.join(id, clock.instant())) {
            events.record(SecurityEventType.CHAT_REFUSED, null, Map.of("room", id, "reason", "full"));
            throw new BarProblem.Conflict(ChatCodes.ROOM_FULL, "The room has as many participants as it allows ("
                    + room.maxParticipants() + ").");
        }
        events.record(SecurityEventType.CHAT_JOINED, null, Map.of("room", id));
    }

    /** A participant's connection ended: the place is free again; an empty room that burns when empty is burned. */
    void leave(String id) {
        if (rooms.leave(id) && rooms.deleteIfEmpty(id)) {
            gone(id, ChatRoomBurned.Reason.EMPTY, null);
        }
    }

    /** Burns the expired rooms; returns how many. Safe on every node at once: each delete is counted once. */
    int sweep() {
        Instant now = clock.instant();
        int burned = 0;
        for (String id : rooms.expired(now)) {
            if (rooms.deleteExpired(id, now)) {
                gone(id, ChatRoomBurned.Reason.EXPIRED, null);
                burned++;
            }
        }
        return burned;
    }

    private void gone(String id, ChatRoomBurned.Reason reason, @Nullable String accountId) {
        events.record(SecurityEventType.CHAT_BURNED, accountId, Map.of("room", id, "reason", reason.code()));
        publisher.publishEvent(new ChatRoomBurned(id, reason));
    }

    private Duration lifetime(@Nullable Long seconds) {
        if (seconds == null) {
            return properties.defaultLifetime();
        }
        long max = properties.maxLifetime().toSeconds();
        if (seconds < 60 || seconds > max) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, "lifetimeSeconds",
                    "must be between 60 and " + max + " seconds", 60L, max);
        }
        return Duration.ofSeconds(seconds);
    }

    private int places(@Nullable Integer requested) {
        if (requested == null) {
            return 2;
        }
        int max = properties.maxParticipants();
        if (requested < 2 || requested > max) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, "maxParticipants",
                    "must be between 2 and " + max, 2L, (long) max);
        }
        return requested;
    }
}
