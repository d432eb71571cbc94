package app.bar.chat;

import app.bar.platform.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chat_rooms} table. Joining and leaving are conditional updates whose row count
 * decides, so two nodes admitting a third person at once cannot both succeed; burning and expiry
 * delete the row.
 */
@Repository
class ChatRoomRepository {

    private final JdbcClient jdbc;

    ChatRoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ChatRoom room) {
        jdbc.sql("""
                insert into chat_rooms (id, owner_token_hash, owner_account_id, max_participants, joined,
                    burn_when_empty, created_at, expires_at)
                values (:id, :hash, :owner, :max, 0, :burnWhenEmpty, :created, :expires)""")
                .param("id", room.id())
                .param("hash", room.ownerTokenHash())
                .param("owner", room.ownerAccountId())
                .param("max", room.maxParticipants())
                .param("burnWhenEmpty", room.burnWhenEmpty())
                .param("created", SqlTime.of(room.createdAt()))
                .param("expires", SqlTime.of(room.expiresAt()))
                .update();
    }

    Optional<ChatRoom> find(String id) {
        return jdbc.sql("select * from chat_rooms where id = :id").param("id", id)
                .query((rs, n) -> new ChatRoom(rs.getString("id"), rs.getString("owner_token_hash"),
                        rs.getString("owner_account_id"), rs.getInt("max_participants"), rs.getInt("joined"),
                        rs.getBoolean("burn_when_empty"), SqlTime.instant(rs, "created_at"),
                        SqlTime.instant(rs, "expires_at")))
                .optional();
    }

    /** Takes one place in a live room that has one free: false when it is full, gone or expired. */
    boolean join(String id, Instant now) {
        return jdbc.sql("""
                update chat_rooms set joined = joined + 1
                where id = :id and joined < max_participants and expires_at > :now""")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    /** Gives a place back; true when the room is now empty. */
    boolean leave(String id) {
        jdbc.sql("update chat_rooms set joined = joined - 1 where id = :id and joined > 0").param("id", id).update();
        return jdbc.sql("select joined from chat_rooms where id = :id").param("id", id).query(Integer.class)
                .optional().map(n -> n == 0).orElse(false);
    }

    /** Deletes the room; true when it was there (one burn wins when two race). */
    boolean delete(String id) {
        return jdbc.sql("delete from chat_rooms where id = :id").param("id", id).update() == 1;
    }

    /** Deletes the room if it is still empty and burns when empty (a late joiner keeps it). */
    boolean deleteIfEmpty(String id) {
        return jdbc.sql("delete from chat_rooms where id = :id and joined = 0 and burn_when_empty = :yes")
                .param("id", id).param("yes", true).update() == 1;
    }

    /** Up to 500 rooms expired by {@code now}, the oldest first. */
    List<String> expired(Instant now) {
        return jdbc.sql("select id from chat_rooms where expires_at <= :now order by expires_at fetch first 500 rows only")
                .param("now", SqlTime.of(now)).query(String.class).list();
    }

    boolean deleteExpired(String id, Instant now) {
        return jdbc.sql("delete from chat_rooms where id = :id and expires_at <= :now")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }
}
