package app.bar.share.guard;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.share.DestroyReason;
import app.bar.share.ShareCodes;
import app.bar.share.ShareEvent;
import app.bar.share.ShareLocked;
import app.bar.share.SharePasswordFailed;
import app.bar.share.ShareProperties;
import app.bar.share.core.FailedAttempts;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.lifecycle.ShareShredder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password (and access-key) guessing on a share (DESIGN.md §1): after the n-th wrong try in a
 * row the share demands min(2^(n-1) s, 30 s) before the next ({@code 429} + {@code Retry-After},
 * computed from stored timestamps; no thread sleeps), the 5th locks it for 60 minutes
 * ({@code 423}), or destroys it once {@code burnAfterFailedAttempts} wrong tries have been made.
 *
 * <p>An attempt is reserved before the password is checked, by a conditional update on the
 * count the caller saw: parallel guesses cannot slip past the counter, whatever node they hit.
 */
@Component
public class BruteForceGuard {

    private final ShareRepository shares;
    private final ShareShredder shredder;
    private final SecurityEvents security;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ShareProperties properties;
    private final Clock clock;

    BruteForceGuard(ShareRepository shares, ShareShredder shredder, SecurityEvents security,
            ApplicationEventPublisher events, TransactionTemplate tx, ShareProperties properties, Clock clock) {
        this.shares = shares;
        this.shredder = shredder;
        this.security = security;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reserves one attempt or answers 423/429; returns the failure count if this attempt fails. */
    public int reserve(ShareRow share) {
        return reserve(share.attempts(), (seen, failures, next, now) -> shares.reserveAttempt(share.id(), seen, failures,
                next, now));
    }

    /**
     * Reserves one attempt on anything else whose passwords are guessed (a request for a secret):
     * the same waits, answers and reservation as a share's, on the counters {@code store} keeps.
     * Returns the failure count if this attempt fails.
     */
    public int reserve(FailedAttempts attempts, AttemptStore store) {
        Instant now = clock.instant();
        Instant lockedUntil = attempts.lockedUntil();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw locked(Duration.between(now, lockedUntil));
        }
        Instant nextAttempt = attempts.nextAttemptAt();
        if (nextAttempt != null && nextAttempt.isAfter(now)) {
            throw tooSoon(Duration.between(now, nextAttempt));
        }
        boolean lockOver = lockedUntil != null;
        int failures = (lockOver ? 0 : attempts.inARow()) + 1;
        if (!store.reserve(attempts.inARow(), failures, now.plus(delayAfter(failures)), now)) {
            throw tooSoon(Duration.ofSeconds(1)); // another try of this target is being checked right now
        }
        return failures;
    }

    /**
     * Where a guarded target keeps its counters. {@link #reserve} is one conditional update: it
     * stores {@code failures} and {@code nextAttemptAt} only if the count is still {@code seen} and
     * no wait or lock is running at {@code now}, and says whether it did.
     */
    @FunctionalInterface
    public interface AttemptStore {
        boolean reserve(int seen, int failures, Instant nextAttemptAt, Instant now);
    }

    public void succeeded(ShareRow share) {
        shares.clearAttempts(share.id());
    }

    /**
     * Records a wrong try and returns the answer to throw (401, 423 when this try locked it, 404
     * when it burned it). The counters, the security events and the share events change in one
     * transaction: a crash never leaves a counted failure without its record.
     */
    public BarProblem failed(ShareRow share, int failures, Requester who) {
        return failed(share, failures, who, ShareCodes.PASSWORD_WRONG, "The password is wrong.");
    }

    /** As {@link #failed(ShareRow, int, Requester)}, answering a 401 with {@code code} (a damaged link). */
    public BarProblem failed(ShareRow share, int failures, Requester who, String code, String detail) {
        return Objects.requireNonNull(tx.execute(status -> recordFailure(share, failures, who, code, detail)));
    }

    private BarProblem recordFailure(ShareRow share, int failures, Requester who, String code, String detail) {
        Instant now = clock.instant();
        int total = shares.countFailure(share.id());
        security.record(SecurityEventType.SHARE_PASSWORD_FAILED, who.accountId(), Map.of("failures", failures));
        events.publishEvent(new SharePasswordFailed(ShareEvent.newId(), share.id(), share.ownerId(), now,
                who.clientIp(), who.browser(), share.viewsLeft(), failures));
        Integer burnAfter = share.policy().burnAfterFailedAttempts();
        if (burnAfter != null && total >= burnAfter) {
            shredder.destroy(share, DestroyReason.FAILED_ATTEMPTS, who);
            return new BarProblem.NotFound();
        }
        if (failures >= properties.lockAfterFailedAttempts()) {
            Instant until = now.plus(properties.lockDuration());
            shares.lock(share.id(), until);
            security.record(SecurityEventType.SHARE_LOCKED, who.accountId(), Map.of("minutes",
                    properties.lockDuration().toMinutes()));
            events.publishEvent(new ShareLocked(ShareEvent.newId(), share.id(), share.ownerId(), now, who.clientIp(),
                    who.browser(), share.viewsLeft(), until));
            return locked(properties.lockDuration());
        }
        return new BarProblem.Unauthorized(code, detail, attemptsLeft(failures, total, burnAfter));
    }

    /**
     * What the person may still do (issue 13 item 7): tries left before the lock or, when
     * {@code burnAfterFailedAttempts} comes first, before the share is destroyed, and the wait in
     * whole seconds before the next try may be made.
     */
    private Map<String, Object> attemptsLeft(int failures, int total, Integer burnAfter) {
        int beforeLock = properties.lockAfterFailedAttempts() - failures;
        boolean destroyed = burnAfter != null && burnAfter - total <= beforeLock;
        int left = destroyed ? burnAfter - total : beforeLock;
        return Map.of("attemptsLeft", left, "nextAttemptIn", delayAfter(failures).toSeconds(), "thenDestroyed", destroyed);
    }

    /** The wait after the {@code failures}-th wrong try in a row: 1, 2, 4 … seconds, at most {@code bar.shares.max-attempt-delay}. */
    public Duration delayAfter(int failures) {
        long seconds = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(properties.maxAttemptDelay()) > 0 ? properties.maxAttemptDelay() : delay;
    }

    private static BarProblem tooSoon(Duration wait) {
        return new BarProblem.RateLimited(ShareCodes.RETRY_LATER, "Wait before trying another password; see Retry-After.",
                wait);
    }

    private static BarProblem locked(Duration wait) {
        return new BarProblem.Locked(ShareCodes.LOCKED, "This share is locked after too many wrong passwords.", wait);
    }
}
