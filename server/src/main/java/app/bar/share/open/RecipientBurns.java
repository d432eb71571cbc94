package app.bar.share.open;

import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.DestroyReason;
import app.bar.share.ShareId;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRow;
import app.bar.share.lifecycle.ShareShredder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "I have it: destroy it now" (issue 13 item 6): a reader of a share whose sender allowed it
 * ({@code allowRecipientBurn}) gets a burn token with the content, and may burn the share with it.
 * Only the token's SHA-256 is stored; using it deletes it in the same statement that decides, so
 * a token works once. The share module's shredder deletes the rest with the share.
 */
@Service
public class RecipientBurns {

    private final JdbcClient jdbc;
    private final ShareVisibility visibility;
    private final ShareShredder shredder;

    RecipientBurns(JdbcClient jdbc, ShareVisibility visibility, ShareShredder shredder) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.shredder = shredder;
    }

    /** A fresh burn token for one reader of {@code share}. */
    String issue(ShareId share) {
        String token = OpaqueTokens.newSecret();
        jdbc.sql("insert into share_burn_tokens (token_hash, share_id) values (:h, :s)")
                .param("h", OpaqueTokens.sha256Hex(token)).param("s", share.value()).update();
        return token;
    }

    /** Burns the share with reason {@link DestroyReason#RECIPIENT}; a wrong, used or foreign token is a 404. */
    public void burn(String id, @Nullable String token, Requester who) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new BarProblem.NotFound();
        }
        ShareRow share = visibility.visible(id, null);
        int used = jdbc.sql("delete from share_burn_tokens where token_hash = :h and share_id = :s")
                .param("h", OpaqueTokens.sha256Hex(token)).param("s", share.id().value()).update();
        if (used != 1 || !shredder.destroy(share, DestroyReason.RECIPIENT, who)) {
            throw new BarProblem.NotFound();
        }
    }
}
