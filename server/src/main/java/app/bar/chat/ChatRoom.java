package app.bar.chat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A room's row: all the server knows of it (never a message, never the room key). */
record ChatRoom(String id, String ownerTokenHash, @Nullable String ownerAccountId, int maxParticipants, int joined,
        boolean burnWhenEmpty, Instant createdAt, Instant expiresAt) {

    boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "ChatRoom[id=" + id + ", joined=" + joined + "/" + maxParticipants + ", expiresAt=" + expiresAt + "]";
    }
}
