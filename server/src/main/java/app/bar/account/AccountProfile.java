package app.bar.account;

import app.bar.platform.error.BarProblem;
import org.springframework.stereotype.Service;

/** The signed-in user's own account, as a DTO. */
@Service
class AccountProfile {

    private final AccountRepository accounts;

    AccountProfile(AccountRepository accounts) {
        this.accounts = accounts;
    }

    AccountSummary get(String accountId) {
        return accounts.findById(accountId).filter(a -> a.state() != AccountState.DELETED).map(AccountSummary::of)
                .orElseThrow(BarProblem.NotFound::new);
    }

    Account account(String accountId) {
        return accounts.findById(accountId).orElseThrow(BarProblem.NotFound::new);
    }
}
