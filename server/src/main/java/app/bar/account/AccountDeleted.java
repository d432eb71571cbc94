package app.bar.account;

import java.time.Instant;

/**
 * Published (in the deleting transaction) when an admin deletes an account: the share module
 * destroys the account's shares, the webhook module removes its webhooks and deliveries; each
 * after the commit, in any order.
 */
public record AccountDeleted(String accountId, Instant at) {
}
