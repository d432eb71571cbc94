package app.bar.share.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.DestroyReason;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ShareMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ShareMeters meters = new ShareMeters(registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private double destroyed(String reason) {
        return registry.counter("bar.shares.destroyed", "reason", reason).count();
    }

    private static ShareDestroyed destroyedEvent(DestroyReason reason) {
        return new ShareDestroyed("evt", ShareId.random(), null, Instant.now(), null, null, 0, reason);
    }

    @Test
    void onDestroyedWhenNoTransactionThenCountedUnderItsReason() {
        meters.on(destroyedEvent(DestroyReason.BURNED_BY_OWNER));
        assertThat(destroyed("burned_by_owner")).isEqualTo(1);
        assertThat(destroyed("views_used")).isZero();
    }

    @Test
    void onDestroyedWhenTransactionCommitsThenCountedOnlyAfterCommit() {
        TransactionSynchronizationManager.initSynchronization();
        meters.on(destroyedEvent(DestroyReason.VIEWS_USED));
        assertThat(destroyed("views_used")).isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(destroyed("views_used")).isEqualTo(1);
    }

    @Test
    void onDestroyedWhenTransactionRollsBackThenNotCounted() {
        TransactionSynchronizationManager.initSynchronization();
        meters.on(destroyedEvent(DestroyReason.VIEWS_USED));
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(destroyed("views_used")).isZero();
    }

    @Test
    void constructWhenNothingHappenedThenEveryReasonAndKindAtZero() {
        for (DestroyReason reason : DestroyReason.values()) {
            assertThat(registry.find("bar.shares.destroyed").tag("reason", reason.name().toLowerCase()).counter()).isNotNull();
        }
        assertThat(registry.find("bar.shares.creations").counters()).hasSize(ShareKind.values().length);
    }
}
