package app.bar.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the admin API shows of an account: no hash, no counters, no internal flags. {@code language}:
 * the language of its mails, null for the default (English).
 */
public record AccountSummary(String id, String email, @Nullable String displayName, String role, AccountState state,
        Instant createdAt, @Nullable String language) {

    static AccountSummary of(Account a) {
        return new AccountSummary(a.id(), a.email(), a.displayName(), a.role().name(), a.state(), a.createdAt(),
                a.language());
    }

    @Override
    public String toString() {
        return "AccountSummary[id=" + id + ", state=" + state + "]"; // the email is personal data
    }
}
