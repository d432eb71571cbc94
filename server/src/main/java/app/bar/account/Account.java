package app.bar.account;

import app.bar.security.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code accounts}. {@code language} is the saved preference of its mails (issue 17), null
 * for the default (English). {@code toString()} leaves out the hash and the email.
 */
record Account(String id, String email, @Nullable String displayName, String passwordHash, Role role,
        AccountState state, Instant createdAt, @Nullable Instant lockedUntil, @Nullable String language) {

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", role=" + role + ", state=" + state + "]";
    }
}
