package app.bar.share.owner;

import app.bar.platform.SqlTime;
import app.bar.share.ShareId;
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
class AccessLog {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ShareEvent event) {
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "share events are published inside the transaction of the change they report");
        jdbc.sql("""
                insert into share_access_log (share_id, occurred_at, outcome, client_ip, browser)
                values (:s, :t, :o, :ip, :b)""")
                .param("s", event.shareId().value()).param("t", SqlTime.of(event.at())).param("o", event.outcome())
                .param("ip", event.clientIp()).param("b", event.browser()).update();
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

    /** One line of the log as the owner sees it. */
    record Entry(Instant at, String outcome, @Nullable String ip, @Nullable String browser) {
    }
}
