package app.bar.share.lifecycle;

import java.time.Instant;

/**
 * A part of the clean-up pass that another package of the share module owns (requests for a
 * secret): every {@link ShareCleanup#runOnce} runs each step after the shares' own work, so one
 * sweep on one schedule does it all. A step must be as safe as the pass to run on every node at
 * the same moment; one that fails is logged and the others still run.
 */
public interface CleanupStep {

    /** Does one batch of this step's work at {@code now}; returns how much it did (removed, sent). */
    int runOnce(Instant now);
}
