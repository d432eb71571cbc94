package app.bar.account;

import app.bar.platform.error.BarProblem;
import org.springframework.stereotype.Service;

/** The signed-in user's own account, as a DTO, and its mail settings. */
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

    /** The account's mail settings: "email me when one of my shares is opened". */
    record Notifications(@jakarta.validation.constraints.NotNull Boolean shareOpened) {
    }

    Notifications notifications(String accountId) {
        return new Notifications(accounts.notifiesShareOpened(accountId).orElseThrow(BarProblem.NotFound::new));
    }

    Notifications changeNotifications(String accountId, Notifications wanted) {
        if (!accounts.setNotifyShareOpened(accountId, wanted.shareOpened())) {
            throw new BarProblem.NotFound();
        }
        return notifications(accountId);
    }

    Account account(String accountId) {
        return accounts.findById(accountId).orElseThrow(BarProblem.NotFound::new);
    }
}
