package app.bar.chat;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import app.bar.platform.web.PublicUrl;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The room API of {@code docs/chat.md}: bind, call {@link ChatRooms}, map to a DTO. */
@RestController
final class ChatController {

    private final ChatRooms rooms;
    private final PublicUrl publicUrl;

    ChatController(ChatRooms rooms, PublicUrl publicUrl) {
        this.rooms = rooms;
        this.publicUrl = publicUrl;
    }

    /** {@code POST /api/chat/rooms}: every field optional (1 h, 2 places, kept when empty). */
    record OpenRoomRequest(@Nullable Long lifetimeSeconds, @Nullable Integer maxParticipants,
            @Nullable Boolean burnWhenEmpty) {
    }

    /** The new room: its link (the client appends {@code #<room key>}) and the owner token, shown once. */
    record OpenedRoom(String id, String url, String ownerToken, int maxParticipants, boolean burnWhenEmpty,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "OpenedRoom[id=" + id + ", ownerToken=hidden]";
        }
    }

    /** What anyone with the link may know: how many may join, how many are in, until when. */
    record RoomStatus(String id, int maxParticipants, int joined, Instant expiresAt) {
    }

    @PostMapping(path = "/api/chat/rooms", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OpenedRoom> open(@RequestBody(required = false) @Nullable OpenRoomRequest request) {
        OpenRoomRequest r = request == null ? new OpenRoomRequest(null, null, null) : request;
        ChatRooms.Opened opened = rooms.open(r.lifetimeSeconds(), r.maxParticipants(),
                Boolean.TRUE.equals(r.burnWhenEmpty()), CurrentAccount.id().orElse(null));
        ChatRoom room = opened.room();
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new OpenedRoom(room.id(), publicUrl.resolve("/c/" + room.id()), opened.ownerToken(),
                        room.maxParticipants(), room.burnWhenEmpty(), room.expiresAt()));
    }

    @GetMapping("/api/chat/rooms/{id}")
    ResponseEntity<RoomStatus> status(@PathVariable String id) {
        ChatRoom room = rooms.live(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RoomStatus(room.id(), room.maxParticipants(), room.joined(), room.expiresAt()));
    }

    @DeleteMapping("/api/chat/rooms/{id}")
    ResponseEntity<Void> burn(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        String token = OwnerTokens.fromHeader(authorization);
        if (token == null) {
            throw new BarProblem.Unauthorized(ChatCodes.OWNER_TOKEN_REQUIRED,
                    "Send the room's owner token as 'Authorization: Bearer bar_ct_...'.");
        }
        rooms.burn(id, token, CurrentAccount.id().orElse(null));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}
