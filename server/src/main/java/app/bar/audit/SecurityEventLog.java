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

    private static SecurityEventView map(ResultSet rs, int row) throws SQLException {
        return new SecurityEventView(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"), rs.getString("type"),
                rs.getString("actor_id"), rs.getString("client_ip"), rs.getString("request_id"), rs.getString("detail"));
    }

    /** One recorded event; the IP is stored redacted and the detail (JSON) passed the log redactor. */
    public record SecurityEventView(long id, Instant occurredAt, String type, @Nullable String actorId,
            @Nullable String clientIp, String requestId, String detail) {
    }
}
