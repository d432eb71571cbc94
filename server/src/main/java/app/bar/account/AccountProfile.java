package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.web.i18n.Catalogues;
import org.springframework.stereotype.Service;

/** The signed-in user's own account, as a DTO, its mail settings and the language of its mails. */
@Service
class AccountProfile {

    private final AccountRepository accounts;
    private final Catalogues catalogues;

    AccountProfile(AccountRepository accounts, Catalogues catalogues) {
        this.accounts = accounts;
        this.catalogues = catalogues;
    }

    /** {@code PATCH /api/account}: what may change; today the language of the account's mails. */
    record Change(@jakarta.validation.constraints.NotNull String language) {
    }

    /** Saves the language of the account's mails: one the catalogues offer. */
    AccountSummary change(String accountId, Change change) {
        String language = change.language();
        if (!catalogues.languages().contains(language)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "language",
                    "must be one of " + catalogues.languages());
        }
        if (!accounts.setLanguage(accountId, language)) {
            throw new BarProblem.NotFound();
        }
        return get(accountId);
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
