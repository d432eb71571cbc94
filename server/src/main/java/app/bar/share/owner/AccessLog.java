package app.bar.share.owner;

import app.bar.platform.SqlTime;
import app.bar.share.ShareId;
import app.bar.share.ShareAuditTrail;
import app.bar.share.ShareEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The owner's access log: every share event becomes a row (time, outcome, redacted IP, browser
 * family), written in the transaction that published the event (a plain listener, called inside
 * {@code publishEvent}), so the row commits exactly with the change it records and never goes
 * through the event registry: no row without its view, no view without its row, nothing to
 * retry. Share events must therefore be published in a transaction; one that is not is a bug
 * this listener refuses loudly rather than record outside it.
 */
@Component
class AccessLog implements ShareAuditTrail {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ShareEvent event) {
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "share events are published inside the transaction of the change they report");
        jdbc.sql("""
                insert into share_access_log (share_id, occurred_at, outcome, client_ip, browser, event_id)
                values (:s, :t, :o, :ip, :b, :e)""")
                .param("s", event.shareId().value()).param("e", event.eventId()).param("t", SqlTime.of(event.at())).param("o", event.outcome())
                .param("ip", event.clientIp()).param("b", event.browser()).update();
    }

    /**
     * A row the owner's own action wrote, not a share event (no webhook, no event id): the share's
     * link mailed, or a mail of it that could not be handed over (issue 18 item 4). No address.
     */
    void record(ShareId shareId, String outcome, Instant at) {
        jdbc.sql("insert into share_access_log (share_id, occurred_at, outcome) values (:s, :t, :o)")
                .param("s", shareId.value()).param("t", SqlTime.of(at)).param("o", outcome).update();
    }

    /**
     * Marks the owner as told about event {@code eventId}: true for exactly one caller however
     * often the event is delivered (a conditional update), false once done or when the row is gone.
     */
    boolean markOwnerNotified(String eventId, Instant now) {
        return jdbc.sql("""
                update share_access_log set owner_notified_at = :now
                where event_id = :e and owner_notified_at is null""")
                .param("e", eventId).param("now", SqlTime.of(now)).update() == 1;
    }

    /** How many of the share's events its owner was mailed about since {@code since}. */
    int ownerNotifiedSince(ShareId shareId, Instant since) {
        return jdbc.sql("select count(*) from share_access_log where share_id = :s and owner_notified_at > :since")
                .param("s", shareId.value()).param("since", SqlTime.of(since)).query(Integer.class).single();
    }

    List<Entry> of(ShareId shareId) {
        return jdbc.sql("""
                select occurred_at, outcome, client_ip, browser from share_access_log
                where share_id = :s order by occurred_at, id""")
                .param("s", shareId.value())
                .query((rs, n) -> new Entry(SqlTime.instant(rs, "occurred_at"), rs.getString("outcome"),
                        rs.getString("client_ip"), rs.getString("browser")))
                .list();
    }

    @Override
    public List<ShareAuditTrail.Entry> after(Instant afterAt, long afterId, Instant from, Instant to,
            java.util.Set<String> outcomes, @Nullable String ownerAccountId, int limit) {
        String sql = """
                select l.id, l.occurred_at, l.outcome, l.share_id, s.owner_id, l.client_ip, l.browser
                from share_access_log l left join shares s on s.id = l.share_id
                where l.occurred_at >= :from and l.occurred_at < :to
                and (l.occurred_at > :at or (l.occurred_at = :at and l.id > :id))"""
                + (outcomes.isEmpty() ? "" : " and l.outcome in (:outcomes)")
                + (ownerAccountId == null ? "" : " and s.owner_id = :owner")
                + " order by l.occurred_at, l.id limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .param("at", SqlTime.of(afterAt)).param("id", afterId).param("limit", limit);
        if (!outcomes.isEmpty()) {
            statement = statement.param("outcomes", List.copyOf(outcomes));
        }
        if (ownerAccountId != null) {
            statement = statement.param("owner", ownerAccountId);
        }
        return statement.query((rs, n) -> new ShareAuditTrail.Entry(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"),
                rs.getString("outcome"), new ShareId(rs.getString("share_id")), rs.getString("owner_id"),
                rs.getString("client_ip"), rs.getString("browser"))).list();
    }

    /** One line of the log as the owner sees it. */
    record Entry(Instant at, String outcome, @Nullable String ip, @Nullable String browser) {
    }
}
