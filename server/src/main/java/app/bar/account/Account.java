package app.bar.account;

import app.bar.security.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code accounts}. {@code toString()} leaves out the hash and the email. */
record Account(String id, String email, @Nullable String displayName, String passwordHash, Role role,
        AccountState state, Instant createdAt, @Nullable Instant lockedUntil) {

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", role=" + role + ", state=" + state + "]";
    }
}
