package app.bar.share.lifecycle;

import app.bar.crypto.Envelope;
import app.bar.crypto.RewrapParticipant;
import app.bar.crypto.SealedKey;
import app.bar.platform.cli.ContextCommand;
import app.bar.share.ShareId;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecrets;
import app.bar.share.core.ShareSecretsStore;
import app.bar.storage.BlobId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bar-server.jar rewrap}: first moves the secrets of rows from before secrets
 * blobs into them ({@link SecretsMigration}), then seals every live share's data key under the
 * newest master key — a new secrets blob replaces the old one — so older keys can leave
 * {@code BAR_MASTER_KEYS}. Only the outer layer changes
 * (password layers need no password); each row is updated only if its key is still the one
 * read, so it is safe next to running servers and to run twice. Then every
 * {@link RewrapParticipant} (webhook secrets) moves its own sealed values the same way.
 */
@Component("rewrap")
class RewrapCommand implements ContextCommand {

    private static final Logger log = LoggerFactory.getLogger(RewrapCommand.class);

    private final ShareRepository shares;
    private final ShareSecretsStore secrets;
    private final SecretsMigration secretsMigration;
    private final Envelope envelope;
    private final ObjectProvider<RewrapParticipant> participants;

    RewrapCommand(ShareRepository shares, ShareSecretsStore secrets, SecretsMigration secretsMigration, Envelope envelope,
            ObjectProvider<RewrapParticipant> participants) {
        this.shares = shares;
        this.secrets = secrets;
        this.secretsMigration = secretsMigration;
        this.envelope = envelope;
        this.participants = participants;
    }

    @Override
    public String name() {
        return "rewrap";
    }

    @Override
    public int run(String[] args) {
        SecretsMigration.Result toBlobs = secretsMigration.moveAll();
        log.info("rewrap.done what=secrets_to_blobs moved={} failed={}", toBlobs.moved(), toBlobs.failed());
        String newest = envelope.newestKid();
        int moved = 0;
        int failed = toBlobs.failed();
        List<ShareId> batch;
        java.util.Set<ShareId> skipped = new java.util.HashSet<>();
        while (!(batch = shares.idsWithKeyNotUnder(newest, 500 + skipped.size())).isEmpty()
                && !skipped.containsAll(batch)) {
            for (ShareId id : batch) {
                if (skipped.contains(id)) {
                    continue;
                }
                try {
                    if (rewrap(id)) {
                        moved++;
                    }
                } catch (RuntimeException e) {
                    skipped.add(id);
                    failed++;
                    log.error("rewrap.failed error={}", e.getClass().getSimpleName());
                }
            }
        }
        log.info("rewrap.done moved={} failed={} kid={}", moved, failed, newest);
        for (RewrapParticipant participant : participants.orderedStream().toList()) {
            RewrapParticipant.Result result = participant.rewrapAll();
            log.info("rewrap.done what={} moved={} failed={} kid={}", participant.name(), result.moved(),
                    result.failed(), newest);
            failed += result.failed();
        }
        return failed == 0 ? 0 : 1;
    }

    private boolean rewrap(ShareId id) {
        Optional<ShareRow> share = shares.find(id);
        if (share.isEmpty() || !share.get().keys().hasKey()) {
            return false;
        }
        SealedKey current = share.get().keys().sealed();
        BlobId blob = share.get().content().secrets();
        if (blob == null) { // a row whose move to a secrets blob failed above
            return envelope.rewrap(id.value(), current).map(next -> shares.updateKey(id, current, next)).orElse(false);
        }
        return envelope.rewrap(share.get().keyContext(), current).map(next -> resealed(share.get(), blob, next)).orElse(false);
    }

    /** Blobs are written once: a new secrets blob with the re-sealed key, then the old one goes. */
    private boolean resealed(ShareRow share, BlobId old, SealedKey next) {
        BlobId fresh = secrets.write(ShareSecrets.of(share.keys(), share.content()).withKey(next));
        if (shares.replaceSecrets(share.id(), old, fresh, next.kid())) {
            secrets.delete(old);
            return true;
        }
        secrets.delete(fresh); // destroyed or re-wrapped meanwhile
        return false;
    }
}
