package app.bar.share.open;

import app.bar.platform.SqlTime;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.ShareId;
import app.bar.share.core.ShareRow;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Viewers of shares with {@code viewRefreshMinutes}: a random viewer token in an HttpOnly cookie
 * scoped to the share's API path, stored here as SHA-256. Within the window since its first view
 * the same viewer re-opens without using a view.
 */
@Component
public class ViewerStore {

    public static final String COOKIE = "bar_viewer";

    private final JdbcClient jdbc;

    ViewerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a new viewer; returns the token for the cookie. */
    String register(ShareId share, Instant now) {
        String token = OpaqueTokens.newSecret();
        jdbc.sql("insert into share_viewers (share_id, viewer_hash, first_viewed_at) values (:s, :h, :t)")
                .param("s", share.value()).param("h", OpaqueTokens.sha256Hex(token)).param("t", SqlTime.of(now))
                .update();
        return token;
    }

    boolean mayReopen(ShareRow share, @Nullable String token, Instant now) {
        Duration window = share.policy().viewRefresh();
        if (window == null || token == null || token.length() > 64 || !share.isLive(now)) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from share_viewers where share_id = :s and viewer_hash = :h and first_viewed_at > :since""")
                .param("s", share.id().value()).param("h", OpaqueTokens.sha256Hex(token)).param("since", SqlTime.of(now.minus(window)))
                .query(Integer.class).single() > 0;
    }
}
