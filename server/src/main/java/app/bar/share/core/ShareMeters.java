package app.bar.share.core;

import app.bar.share.DestroyReason;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareExpired;
import app.bar.share.ShareLocked;
import app.bar.share.SharePasswordFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The share module's meters (docs/operations.md#metrics): shares created by kind, views taken,
 * shares destroyed by reason, failed unlocks by reason, locks and one-time codes mailed. Every
 * series is registered at zero, so alerts see it before its first event.
 *
 * <p>The share events are counted by plain {@code @EventListener}s (synchronous, in the publishing
 * transaction, and — unlike {@code @ApplicationModuleListener} — no row in the publication
 * registry), and a count made inside a transaction is added only once it commits: a view that was
 * rolled back was never taken.
 */
@Component
public class ShareMeters {

    private final Map<ShareKind, Counter> created = new EnumMap<>(ShareKind.class);
    private final Map<DestroyReason, Counter> destroyed = new EnumMap<>(DestroyReason.class);
    private final Counter opened;
    private final Counter wrongPassword;
    private final Counter wrongOtp;
    private final Counter locks;
    private final Counter otpSent;

    ShareMeters(MeterRegistry meters) {
        for (ShareKind kind : ShareKind.values()) {
            created.put(kind, Counter.builder("bar.shares.creations").description("Shares created")
                    .tag("kind", kind.value()).register(meters));
        }
        for (DestroyReason reason : DestroyReason.values()) {
            destroyed.put(reason, Counter.builder("bar.shares.destroyed").description("Shares destroyed")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters));
        }
        opened = Counter.builder("bar.shares.opened").description("Views taken (contents served)").register(meters);
        wrongPassword = unlockFailures(meters, "password");
        wrongOtp = unlockFailures(meters, "otp");
        locks = Counter.builder("bar.shares.locks").description("Shares locked after wrong passwords").register(meters);
        otpSent = Counter.builder("bar.shares.otp.sent").description("One-time codes mailed").register(meters);
    }

    private static Counter unlockFailures(MeterRegistry meters, String reason) {
        return Counter.builder("bar.shares.unlock.failures").description("Unlock attempts refused for a wrong secret")
                .tag("reason", reason).register(meters);
    }

    public void created(ShareKind kind) {
        countOnCommit(created.get(kind));
    }

    /** A one-time code that was wrong, used or expired. */
    public void otpRefused() {
        countOnCommit(wrongOtp);
    }

    public void otpSent() {
        countOnCommit(otpSent);
    }

    @EventListener
    void on(ShareAccessed event) {
        countOnCommit(opened);
    }

    @EventListener
    void on(ShareDestroyed event) {
        countOnCommit(destroyed.get(event.reason()));
    }

    @EventListener
    void on(ShareExpired event) {
        countOnCommit(destroyed.get(DestroyReason.EXPIRED));
    }

    /** A wrong password or zero-knowledge access key. */
    @EventListener
    void on(SharePasswordFailed event) {
        countOnCommit(wrongPassword);
    }

    @EventListener
    void on(ShareLocked event) {
        countOnCommit(locks);
    }

    private static void countOnCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
