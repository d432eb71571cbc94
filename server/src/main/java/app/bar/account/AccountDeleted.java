package app.bar.account;

import java.time.Instant;

/** Published when an admin deletes an account; the shares module destroys the account's shares. */
public record AccountDeleted(String accountId, Instant at) {
}
