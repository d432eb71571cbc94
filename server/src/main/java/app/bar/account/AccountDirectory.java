package app.bar.account;

import org.springframework.stereotype.Service;

/**
 * Where an account stands, for modules that act on an account's behalf later than its own
 * requests (a webhook delivery for a deleted account's share must go nowhere).
 */
@Service
public class AccountDirectory {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** True once an admin deleted the account (an unknown id is not a deleted account). */
    public boolean isDeleted(String accountId) {
        return accounts.findById(accountId).map(a -> a.state() == AccountState.DELETED).orElse(false);
    }
}
