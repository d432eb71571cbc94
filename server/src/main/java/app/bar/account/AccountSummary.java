package app.bar.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the admin API shows of an account: no hash, no counters, no internal flags. */
public record AccountSummary(String id, String email, @Nullable String displayName, String role, AccountState state,
        Instant createdAt) {

    static AccountSummary of(Account a) {
        return new AccountSummary(a.id(), a.email(), a.displayName(), a.role().name(), a.state(), a.createdAt());
    }

    @Override
    public String toString() {
        return "AccountSummary[id=" + id + ", state=" + state + "]"; // the email is personal data
    }
}
