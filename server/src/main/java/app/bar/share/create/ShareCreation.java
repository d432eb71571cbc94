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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * {@link ShareWebhooks}; its signing secret is handed back once. With {@code recipients} it makes
 * one share per recipient in one transaction, all of one group ({@link RecipientLinks}).
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

    /**
     * What {@code POST /api/shares} made: the share (for per-recipient links the first recipient's)
     * and, for per-recipient links, the group's id and every link in request order, the first
     * being the share itself.
     */
    public record Created(ShareId id, String manageToken, Instant expiresAt, @Nullable Integer maxViews,
            boolean needsUpload, @Nullable String webhookSecret, @Nullable ShareId groupId, List<Link> recipients) {
        @Override
        public String toString() {
            return "Created[" + id.value() + "]";
        }
    }

    /** One recipient's link of a group: its share, the recipient's label, its manage token and webhook secret. */
    public record Link(ShareId id, String label, String manageToken, @Nullable String webhookSecret) {
        @Override
        public String toString() {
            return "Link[" + id.value() + "]";
        }
    }

    public Created create(CreateShareRequest request, Requester who) {
        try {
            if (!who.signedIn() && !properties.anonymousCreateEnabled()) {
                throw new BarProblem.Unauthorized(ProblemCodes.AUTH_REQUIRED, "Sign in to create shares.");
            }
            RecipientLinks recipients = RecipientLinks.of(request, who.signedIn());
            SharePolicy policy = rules.apply(SharePolicy.of(request, who.signedIn(), properties),
                    request.expiresIn() != null, CreationRules.roleOf(who.signedIn()));
            String webhookUrl = policy.webhookUrl();
            if (webhookUrl != null) {
                webhooks().validate(webhookUrl);
            }
            return persist(request, policy, members(policy, recipients), who);
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

    /** A share to make: its id, manage token, label, link verifier and (per-recipient links) wrapped content key. */
    private record Member(ShareId id, String manageToken, @Nullable String label, @Nullable String linkVerifier,
            @Nullable String recipientKey) {
        @Override
        public String toString() {
            return "Member[" + id.value() + "]";
        }
    }

    /** One share as usual, or one per recipient (issue 18 item 3). */
    private static List<Member> members(SharePolicy policy, @Nullable RecipientLinks recipients) {
        if (recipients == null) {
            return List.of(new Member(ShareId.random(), ManageTokens.newToken(), policy.label(), policy.linkVerifier(), null));
        }
        return recipients.links().stream().map(link -> new Member(ShareId.random(), ManageTokens.newToken(), link.label(),
                link.linkVerifier(), link.wrappedKey())).toList();
    }

    /**
     * Keys, sealing and the secrets blobs (written and forced to disk) come first, outside any
     * transaction: a connection is taken only for the rows (issue 12: with the blob's fsync inside
     * the transaction, creates held pooled connections for tens of milliseconds and the pool ran dry).
     * The members of a group share one data key, sealed once and bound to the group's id (the first
     * member's), and so one content: each member's secrets blob holds the same sealed key.
     */
    private Created persist(CreateShareRequest request, SharePolicy policy, List<Member> members, Requester who) {
        Member first = members.get(0);
        ShareId group = members.size() > 1 ? first.id() : null;
        Instant now = clock.instant();
        KdfParams params = policy.hasPassword() ? kdf.newParams() : null;
        List<BlobId> written = new ArrayList<>(members.size());
        List<@Nullable String> webhookSecrets;
        try (DataKey key = DataKey.random()) {
            SealedKey sealed = seal(first.id(), key, request.password(), params);
            StoredContent content = content(first.id(), key, policy, request);
            try {
                List<ShareRow> rows = new ArrayList<>(members.size());
                for (Member m : members) {
                    ShareSecrets shareSecrets = ShareSecrets.of(new ShareKeys(sealed, params, policy.accessVerifier(),
                            m.linkVerifier(), m.recipientKey()), content);
                    BlobId blob = secrets.write(shareSecrets);
                    written.add(blob);
                    rows.add(row(m, group, policy, who, now, shareSecrets.keys(), content.withSecrets(blob, shareSecrets)));
                }
                List<@Nullable String> inserted = tx.execute(status -> insert(rows, members, policy, who, key));
                webhookSecrets = inserted != null ? inserted : java.util.Collections.nCopies(members.size(), null);
            } catch (RuntimeException e) {
                written.forEach(secrets::delete); // else orphans the clean-up removes after their grace
                throw e;
            }
        }
        members.forEach(m -> meters.created(policy.kind()));
        log.debug("share.created kind={} views={} protected={} zk={} webhook={} links={}", policy.kind().value(),
                policy.maxViews() == null ? "unlimited" : policy.maxViews(), policy.hasPassword(),
                policy.zeroKnowledge(), policy.webhookUrl() != null, members.size());
        return created(members, group, policy, now, webhookSecrets);
    }

    /** The rows, labels, upload key (the first member's: a group is uploaded once) and webhooks; the webhooks' secrets. */
    private List<@Nullable String> insert(List<ShareRow> rows, List<Member> members, SharePolicy policy, Requester who, DataKey key) {
        List<@Nullable String> webhookSecrets = new ArrayList<>(members.size());
        String webhookUrl = policy.webhookUrl();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            ShareRow row = rows.get(i);
            shares.insert(row);
            if (m.label() != null) {
                labels.save(m.id(), m.label());
            }
            if (i == 0 && row.content().inline() == null) {
                shares.saveUploadKey(m.id(), UploadKeys.seal(m.manageToken(), key, m.id()));
            }
            otp.saveRecipients(m.id(), policy.otpEmails(), key);
            webhookSecrets.add(webhookUrl == null ? null : webhooks().register(m.id(),
                    java.util.Objects.requireNonNull(who.accountId()), webhookUrl, row.expiresAt()));
        }
        return webhookSecrets;
    }

    private static Created created(List<Member> members, @Nullable ShareId group, SharePolicy policy, Instant now,
            List<@Nullable String> webhookSecrets) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; group != null && i < members.size(); i++) {
            Member m = members.get(i);
            links.add(new Link(m.id(), java.util.Objects.requireNonNull(m.label()), m.manageToken(), webhookSecrets.get(i)));
        }
        Member first = members.get(0);
        return new Created(first.id(), first.manageToken(), now.plus(policy.expiresIn()), policy.maxViews(),
                policy.kind() == ShareKind.FILE, webhookSecrets.get(0), group, List.copyOf(links));
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

    private static ShareRow row(Member m, @Nullable ShareId group, SharePolicy p, Requester who, Instant now,
            ShareKeys keys, StoredContent content) {
        ShareState state = p.kind() == ShareKind.TEXT ? ShareState.ACTIVE : ShareState.PENDING;
        return new ShareRow(m.id(), p.kind(), state, who.accountId(), ManageTokens.hash(m.manageToken()), now,
                now.plus(p.expiresIn()), p.access(), keys, content, ViewCount.NONE, FailedAttempts.NONE, null, group);
    }
}
