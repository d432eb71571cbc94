package app.bar.share.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code secret_requests}. */
record SecretRequest(String id, String ownerAccountId, String note, int maxBytes, int maxViews, long shareExpiresSeconds,
        @Nullable String passwordParams, @Nullable String passwordHash, int failedAttempts, State state,
        @Nullable String shareId, @Nullable String ephemeralPublic, Instant createdAt, Instant expiresAt,
        @Nullable Instant fulfilledAt, boolean notifyByEmail) {

    enum State {
        /** Waiting for its answer. */
        OPEN,
        /** An answer is being stored (the one conditional update that closed the request took it). */
        FILLING,
        /** Answered: {@code shareId} and {@code ephemeralPublic} are set. */
        FULFILLED,
        /** Closed after too many wrong passwords. */
        LOCKED
    }

    boolean openAt(Instant now) {
        return state == State.OPEN && expiresAt.isAfter(now);
    }

    boolean requiresPassword() {
        return passwordHash != null;
    }

    @Override
    public String toString() {
        return "SecretRequest[" + id + ", " + state + "]";
    }
}
