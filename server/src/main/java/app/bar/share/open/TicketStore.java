package app.bar.share.open;

import app.bar.crypto.DataKey;
import app.bar.crypto.KeySealer;
import app.bar.crypto.WrongSecretException;
import app.bar.platform.SqlTime;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.ShareId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Unlock tickets: 256 random bits, valid {@code bar.shares.ticket-ttl} (60 s), usable once. The
 * table holds the ticket's SHA-256 and the share's data key sealed under the ticket itself, so
 * neither a database leak nor the master keys open a share through a pending ticket. Use is a
 * {@code delete} whose row count decides (as Spring Security's one-time tokens).
 */
@Component
class TicketStore {

    private final JdbcClient jdbc;

    TicketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(ShareId share, DataKey key, Instant expiresAt) {
        String shareId = share.value();
        byte[] ticket = OpaqueTokens.randomBytes(32);
        try {
            String sealed = OpaqueTokens.base64Url(KeySealer.seal(ticket, key, context(shareId)));
            jdbc.sql("insert into share_tickets (ticket_hash, share_id, expires_at, sealed_key) values (:h, :s, :e, :k)")
                    .param("h", OpaqueTokens.sha256Hex(ticket)).param("s", shareId).param("e", SqlTime.of(expiresAt))
                    .param("k", sealed).update();
            return OpaqueTokens.base64Url(ticket);
        } finally {
            Arrays.fill(ticket, (byte) 0);
        }
    }

    /** Uses a ticket of this share: the data key, or empty when the ticket is unknown, used, expired or foreign. */
    Optional<DataKey> redeem(ShareId share, String ticketText, Instant now) {
        String shareId = share.value();
        byte[] ticket = OpaqueTokens.decodeBase64Url(ticketText);
        if (ticket == null || ticket.length != 32) {
            return Optional.empty();
        }
        String hash = OpaqueTokens.sha256Hex(ticket);
        Optional<String> sealed = jdbc.sql("select sealed_key from share_tickets where ticket_hash = :h and share_id = :s")
                .param("h", hash).param("s", shareId).query(String.class).optional();
        int used = jdbc.sql("delete from share_tickets where ticket_hash = :h and share_id = :s and expires_at > :now")
                .param("h", hash).param("s", shareId).param("now", SqlTime.of(now)).update();
        if (used != 1 || sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeySealer.open(ticket, OpaqueTokens.decodeBase64Url(sealed.get()), context(shareId)));
        } catch (WrongSecretException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(ticket, (byte) 0);
        }
    }

    private static String context(String shareId) {
        return "bar-share-ticket:v1:" + shareId;
    }
}
