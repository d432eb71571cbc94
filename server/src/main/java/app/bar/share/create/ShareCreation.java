package app.bar.share.create;

import app.bar.crypto.ContentCipher;
import app.bar.crypto.DataKey;
import app.bar.crypto.Envelope;
import app.bar.crypto.KdfParams;
import app.bar.crypto.PasswordKdf;
import app.bar.crypto.SealedKey;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.Password;
import app.bar.platform.secrets.SecretBytes;
import app.bar.share.ShareCodes;
import app.bar.share.ShareId;
import app.bar.share.ShareProperties;
import app.bar.share.ShareWebhooks;
import app.bar.share.core.InlineContent;
import app.bar.share.core.ManageTokens;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.FailedAttempts;
import app.bar.share.core.ShareKeys;
import app.bar.share.core.ShareKind;
import app.bar.share.core.ShareLabels;
import app.bar.share.core.ShareMeters;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecrets;
import app.bar.share.core.ShareSecretsStore;
import app.bar.share.core.ShareState;
import app.bar.share.core.StoredContent;
import app.bar.share.core.ViewCount;
import app.bar.share.guard.OtpService;
import app.bar.storage.BlobId;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates shares: validates the policy, makes the share's data key and seals it (master key
 * ring, plus the password's Argon2id key for password shares), encrypts a text share's content
 * at once, writes those secrets (and the filename) to the share's secrets blob — never to its row
 * ({@link ShareSecrets}) — and hands back the manage token, stored only as its SHA-256. A {@code webhookUrl}
 * is checked (with a DNS lookup, so before the transaction opens) and registered through
 * {@link ShareWebhooks}; its signing secret is handed back once.
 */
@Service
public class ShareCreation {

    private static final Logger log = LoggerFactory.getLogger(ShareCreation.class);

    private final ShareRepository shares;
    private final ShareSecretsStore secrets;
    private final ShareLabels labels;
    private final OtpService otp;
    private final Envelope envelope;
    private final ContentCipher cipher;
    private final PasswordKdf kdf;
    private final ShareProperties properties;
    private final ObjectProvider<ShareWebhooks> webhooks;
    private final TransactionTemplate tx;
    private final ShareMeters meters;
    private final CreationRules rules;
    private final Clock clock;

    ShareCreation(ShareRepository shares, ShareSecretsStore secrets, ShareLabels labels, OtpService otp, Envelope envelope,
            ContentCipher cipher, PasswordKdf kdf, ShareProperties properties, ObjectProvider<ShareWebhooks> webhooks,
            TransactionTemplate tx, ShareMeters meters, CreationRules rules, Clock clock) {
        this.shares = shares;
        this.secrets = secrets;
        this.labels = labels;
        this.otp = otp;
        this.envelope = envelope;
        this.cipher = cipher;
        this.kdf = kdf;
        this.properties = properties;
        this.webhooks = webhooks;
        this.tx = tx;
        this.meters = meters;
        this.rules = rules;
        this.clock = clock;
    }

    public record Created(ShareId id, String manageToken, Instant expiresAt, @Nullable Integer maxViews,
            boolean needsUpload, @Nullable String webhookSecret) {
        @Override
        public String toString() {
            return "Created[" + id.value() + "]";
        }
    }

    public Created create(CreateShareRequest request, Requester who) {
        try {
            if (!who.signedIn() && !properties.anonymousCreateEnabled()) {
                throw new BarProblem.Unauthorized(ProblemCodes.AUTH_REQUIRED, "Sign in to create shares.");
            }
            SharePolicy policy = rules.apply(SharePolicy.of(request, who.signedIn(), properties),
                    request.expiresIn() != null, CreationRules.roleOf(who.signedIn()));
            String webhookUrl = policy.webhookUrl();
            if (webhookUrl != null) {
                webhooks().validate(webhookUrl);
            }
            return persist(request, policy, who);
        } finally {
            request.wipe();
        }
    }

    private ShareWebhooks webhooks() {
        ShareWebhooks available = webhooks.getIfAvailable();
        if (available == null) {
            throw new BarProblem.Invalid(ShareCodes.WEBHOOKS_UNAVAILABLE, "webhookUrl", "webhooks are not available on this server");
        }
        return available;
    }

    /**
     * Keys, sealing and the secrets blob (written and forced to disk) come first, outside any
     * transaction: a connection is taken only for the rows (issue 12: with the blob's fsync inside
     * the transaction, creates held pooled connections for tens of milliseconds and the pool ran dry).
     */
    private Created persist(CreateShareRequest request, SharePolicy policy, Requester who) {
        ShareId id = ShareId.random();
        String manageToken = ManageTokens.newToken();
        Instant now = clock.instant();
        KdfParams params = policy.hasPassword() ? kdf.newParams() : null;
        String webhookUrl = policy.webhookUrl();
        String webhookSecret;
        try (DataKey key = DataKey.random()) {
            SealedKey sealed = seal(id, key, request.password(), params);
            StoredContent content = content(id, key, policy, request);
            ShareKeys keys = new ShareKeys(sealed, params, policy.accessVerifier(), policy.linkVerifier());
            ShareSecrets shareSecrets = ShareSecrets.of(keys, content);
            BlobId secretsBlob = secrets.write(shareSecrets);
            try {
                webhookSecret = tx.execute(status -> {
                    shares.insert(row(id, policy, who, manageToken, now, keys, content.withSecrets(secretsBlob, shareSecrets)));
                    if (policy.label() != null) {
                        labels.save(id, policy.label());
                    }
                    if (content.inline() == null) {
                        shares.saveUploadKey(id, UploadKeys.seal(manageToken, key, id));
                    }
                    otp.saveRecipients(id, policy.otpEmails(), key);
                    return webhookUrl == null ? null
                            : webhooks().register(id, java.util.Objects.requireNonNull(who.accountId()), webhookUrl,
                                    now.plus(policy.expiresIn()));
                });
            } catch (RuntimeException e) {
                secrets.delete(secretsBlob); // else an orphan the clean-up removes after its grace
                throw e;
            }
        }
        meters.created(policy.kind());
        log.debug("share.created kind={} views={} protected={} zk={} webhook={}", policy.kind().value(),
                policy.maxViews() == null ? "unlimited" : policy.maxViews(), policy.hasPassword(),
                policy.zeroKnowledge(), webhookUrl != null);
        return new Created(id, manageToken, now.plus(policy.expiresIn()), policy.maxViews(),
                policy.kind() == ShareKind.FILE, webhookSecret);
    }

    /** A text is sealed now, in one piece; a file's content comes with its upload. */
    private StoredContent content(ShareId id, DataKey key, SharePolicy policy, CreateShareRequest request) {
        if (policy.kind() == ShareKind.FILE) {
            return new StoredContent(policy.filename(), null, null, null, null, null);
        }
        byte[] text = utf8(request.text());
        long size = text.length;
        return new StoredContent(policy.filename(), ContentTypes.TEXT_UTF8, size, null, encrypt(key, id, text), null);
    }

    private SealedKey seal(ShareId id, DataKey key, @Nullable Password password, @Nullable KdfParams params) {
        if (password == null || params == null) {
            return envelope.seal(id.value(), key, null);
        }
        char[] chars = password.toCharArray();
        try {
            SecretBytes passwordKey = kdf.derive(chars, params);
            return envelope.seal(id.value(), key, passwordKey);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private String encrypt(DataKey key, ShareId id, byte[] plain) {
        try {
            return InlineContent.whole(cipher.sealWhole(key, plain, id.value()));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] utf8(char @Nullable [] text) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text == null ? new char[0] : text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static ShareRow row(ShareId id, SharePolicy p, Requester who, String manageToken, Instant now,
            ShareKeys keys, StoredContent content) {
        ShareState state = p.kind() == ShareKind.TEXT ? ShareState.ACTIVE : ShareState.PENDING;
        return new ShareRow(id, p.kind(), state, who.accountId(), ManageTokens.hash(manageToken), now,
                now.plus(p.expiresIn()), p.access(), keys, content, ViewCount.NONE, FailedAttempts.NONE, null);
    }
}
