package app.bar.share;

import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecrets;
import app.bar.share.core.ShareSecretsStore;
import app.bar.storage.BlobId;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tests do to a share's stored secrets behind the server's back: read them, alter a text's
 * sealed content (tampering), or put them back into the row as shares created before secrets
 * blobs kept them (a legacy row).
 */
public final class StoredSecrets {

    private final JdbcClient jdbc;
    private final ShareRepository shares;
    private final ShareSecretsStore store;

    public StoredSecrets(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.shares = context.getBean(ShareRepository.class);
        this.store = context.getBean(ShareSecretsStore.class);
    }

    public ShareRow row(String id) {
        return shares.find(new ShareId(id)).orElseThrow();
    }

    public BlobId blobOf(String id) {
        return new BlobId(jdbc.sql("select secrets_blob_id from shares where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** Replaces the share's secrets blob by one whose inline content is {@code change}d. */
    public void alterInline(String id, UnaryOperator<String> change) {
        BlobId old = blobOf(id);
        ShareSecrets s = store.read(old).orElseThrow();
        BlobId altered = store.write(new ShareSecrets(s.sealedKey(), s.kdf(), s.accessVerifier(), s.linkVerifier(),
                s.filename(), change.apply(s.inline()), s.recipientKey()));
        jdbc.sql("update shares set secrets_blob_id = :b where id = :id").param("b", altered.value()).param("id", id).update();
        store.delete(old);
    }

    /** Flips one character near the end of a stored base64url value. */
    public static String flipNearEnd(String stored) {
        int at = stored.length() - 10;
        return stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
    }

    /** Makes the share a row from before secrets blobs: its secrets in its columns, its blob gone. */
    public void moveBackToRow(String id) {
        BlobId blob = blobOf(id);
        ShareSecrets s = store.read(blob).orElseThrow();
        jdbc.sql("""
                update shares set wrapped_key = :key, kdf = :kdf, access_verifier = :verifier, link_verifier = :link,
                    filename = :name, inline_content = :inline, secrets_blob_id = null where id = :id""")
                .param("key", s.sealedKey().value()).param("kdf", s.kdf() == null ? null : s.kdf().encode())
                .param("verifier", s.accessVerifier()).param("link", s.linkVerifier()).param("name", s.filename()).param("inline", s.inline())
                .param("id", id).update();
        store.delete(blob);
    }
}
