package app.bar.audit;

import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads recorded security events for the admin API: newest first, by type and time window, paged. */
@Service
public class SecurityEventLog {

    private final JdbcClient jdbc;

    SecurityEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events of {@code type} (all when null) in {@code [from, to)}, page {@code page} of {@code size}. */
    public List<SecurityEventView> find(@Nullable SecurityEventType type, Instant from, Instant to, int page, int size) {
        if (type == null) {
            return jdbc.sql("""
                    select id, occurred_at, type, actor_id, client_ip, request_id, detail from security_events
                    where occurred_at >= :from and occurred_at < :to
                    order by occurred_at desc, id desc limit :limit offset :offset""")
                    .param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                    .param("limit", size).param("offset", page * size)
                    .query(SecurityEventLog::map).list();
        }
        return jdbc.sql("""
                select id, occurred_at, type, actor_id, client_ip, request_id, detail from security_events
                where type = :type and occurred_at >= :from and occurred_at < :to
                order by occurred_at desc, id desc limit :limit offset :offset""")
                .param("type", type.code()).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .param("limit", size).param("offset", page * size)
                .query(SecurityEventLog::map).list();
    }

    public long count(@Nullable SecurityEventType type, Instant from, Instant to) {
        if (type == null) {
            return jdbc.sql("select count(*) from security_events where occurred_at >= :from and occurred_at < :to")
                    .param("from", SqlTime.of(from)).param("to", SqlTime.of(to)).query(Long.class).single();
        }
        return jdbc.sql("select count(*) from security_events where type = :type and occurred_at >= :from and occurred_at < :to")
                .param("type", type.code()).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query(Long.class).single();
    }

    /**
     * For the audit export: events in {@code [from, to)} that come after the position
     * ({@code afterAt}, {@code afterId}) in (time, id) order, oldest first, at most {@code limit};
     * only {@code types} when not empty, only {@code actorId}'s when not null.
     */
    public List<SecurityEventView> after(Instant afterAt, long afterId, Instant from, Instant to,
            java.util.Set<String> types, @Nullable String actorId, int limit) {
        String sql = "select id, occurred_at, type, actor_id, client_ip, request_id, detail from security_events"
                + " where occurred_at >= :from and occurred_at < :to"
                + " and (occurred_at > :at or (occurred_at = :at and id > :id))"
                + (types.isEmpty() ? "" : " and type in (:types)")
                + (actorId == null ? "" : " and actor_id = :actor")
                + " order by occurred_at, id limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .param("at", SqlTime.of(afterAt)).param("id", afterId).param("limit", limit);
        if (!types.isEmpty()) {
            statement = statement.param("types", List.copyOf(types));
        }
        if (actorId != null) {
            statement = statement.param("actor", actorId);
        }
        return statement.query(SecurityEventLog::map).list();
    }

    private static SecurityEventView map(ResultSet rs, int row) throws SQLException {
        return new SecurityEventView(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"), rs.getString("type"),
                rs.getString("actor_id"), rs.getString("client_ip"), rs.getString("request_id"), rs.getString("detail"));
    }

    /** One recorded event; the IP is stored redacted and the detail (JSON) passed the log redactor. */
    public record SecurityEventView(long id, Instant occurredAt, String type, @Nullable String actorId,
            @Nullable String clientIp, String requestId, String detail) {
    }
}
