package app.bar.webhook;

import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the outbox ({@code webhook_deliveries}) and the per-share cap ({@code webhook_share_quota}).
 * Claims, results and the cap are conditional updates whose row counts decide, so any number of
 * nodes can run the worker at once.
 */
@Repository
class DeliveryRepository {

    /** Where a delivery stands, as owners see it. */
    enum Status { PENDING, DELIVERED, FAILED, DEAD }

    /** One outbox row. */
    record Delivery(String eventId, String accountId, String shareId, WebhookRepository.Target target, String type,
            String payload, Status status, int attempts, @Nullable Integer lastStatusCode, @Nullable Instant lastAttemptAt,
            Instant nextAttemptAt, Instant createdAt) {
    }

    private static final String DUE = """
            status in ('PENDING','FAILED') and next_attempt_at <= :now
              and (claimed_until is null or claimed_until <= :now)""";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one of the share's deliveries, or returns false when its cap is reached (and counts
     * the dropped event). The row is created on first use; the update's row count decides.
     */
    boolean takeQuota(String shareId, int max, Instant now) {
        jdbc.sql("""
                insert into webhook_share_quota (share_id, used, dropped, updated_at) values (:s, 0, 0, :now)
                on conflict do nothing""").param("s", shareId).param("now", SqlTime.of(now)).update();
        if (jdbc.sql("update webhook_share_quota set used = used + 1, updated_at = :now where share_id = :s and used < :max")
                .param("s", shareId).param("max", max).param("now", SqlTime.of(now)).update() == 1) {
            return true;
        }
        jdbc.sql("update webhook_share_quota set dropped = dropped + 1, updated_at = :now where share_id = :s")
                .param("s", shareId).param("now", SqlTime.of(now)).update();
        return false;
    }

    int dropped(String shareId) {
        return jdbc.sql("select dropped from webhook_share_quota where share_id = :s").param("s", shareId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Inserts a pending delivery, due {@code now}; false when one with this event id exists (the
     * event was handled). {@code createdAt} is when the event happened, so the owner's list is in
     * the order of the events, whichever listener thread got to which first.
     */
    boolean insertIfAbsent(String eventId, String accountId, String shareId, WebhookRepository.Target target,
            String type, String payload, Instant createdAt, Instant now) {
        return jdbc.sql("""
                insert into webhook_deliveries (event_id, account_id, share_id, target, type, payload, status, attempts,
                    next_attempt_at, created_at)
                values (:id, :a, :s, :target, :type, :payload, 'PENDING', 0, :now, :createdAt)
                on conflict do nothing""")
                .param("id", eventId).param("a", accountId).param("s", shareId).param("target", target.name())
                .param("type", type).param("payload", payload).param("now", SqlTime.of(now))
                .param("createdAt", SqlTime.of(createdAt)).update() == 1;
    }

    void delete(String eventId) {
        jdbc.sql("delete from webhook_deliveries where event_id = :id").param("id", eventId).update();
    }

    /**
     * Claims up to {@code batch} due rows for this worker until {@code leaseUntil}. The outer
     * conditions are checked again on the row as it is when the update takes it, so a row another
     * node claimed meanwhile is skipped: each row is claimed by one worker at a time.
     */
    List<Delivery> claim(String token, Instant now, Instant leaseUntil, int batch) {
        jdbc.sql("update webhook_deliveries set claim_token = :token, claimed_until = :lease "
                        + "where event_id in (select event_id from webhook_deliveries where " + DUE
                        + " order by next_attempt_at limit :batch) and " + DUE)
                .param("token", token).param("lease", SqlTime.of(leaseUntil)).param("now", SqlTime.of(now))
                .param("batch", batch).update();
        return jdbc.sql("select * from webhook_deliveries where claim_token = :token").param("token", token)
                .query(DeliveryRepository::map).list();
    }

    /** Records an attempt's result; false when the lease was lost (another worker took the row). */
    boolean finish(String eventId, String token, Status status, @Nullable Integer statusCode, Instant attemptedAt,
            Instant nextAttemptAt) {
        return jdbc.sql("""
                update webhook_deliveries set status = :status, attempts = attempts + 1, last_status_code = :code,
                    last_attempt_at = :at, next_attempt_at = :next, claim_token = null, claimed_until = null
                where event_id = :id and claim_token = :token""")
                .param("id", eventId).param("token", token).param("status", status.name()).param("code", statusCode)
                .param("at", SqlTime.of(attemptedAt)).param("next", SqlTime.of(nextAttemptAt)).update() == 1;
    }

    List<Delivery> recent(String accountId, int limit) {
        return jdbc.sql("""
                select * from webhook_deliveries where account_id = :a
                order by created_at desc, event_id desc limit :n""")
                .param("a", accountId).param("n", limit).query(DeliveryRepository::map).list();
    }

    int deleteAllOf(String accountId) {
        return jdbc.sql("delete from webhook_deliveries where account_id = :a").param("a", accountId).update();
    }

    /** Finished deliveries and quota rows older than the retention. */
    int purge(Instant before) {
        int n = jdbc.sql("delete from webhook_deliveries where status in ('DELIVERED','DEAD') and created_at < :before")
                .param("before", SqlTime.of(before)).update();
        jdbc.sql("delete from webhook_share_quota where updated_at < :before").param("before", SqlTime.of(before))
                .update();
        return n;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastStatusCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getString("event_id"), rs.getString("account_id"), rs.getString("share_id"),
                WebhookRepository.Target.valueOf(rs.getString("target")), rs.getString("type"), rs.getString("payload"),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), lastStatusCode,
                SqlTime.instant(rs, "last_attempt_at"), Objects.requireNonNull(SqlTime.instant(rs, "next_attempt_at")),
                Objects.requireNonNull(SqlTime.instant(rs, "created_at")));
    }
}
