package app.bar.account;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Where an account stands, for modules that act on an account's behalf later than its own
 * requests (a webhook delivery for a deleted account's share must go nowhere; a share's opening is
 * mailed only to an owner who asked for it).
 */
@Service
public class AccountDirectory {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Whom to mail when one of the account's shares is opened: present only for an active account
     * that opted in ({@code notify_share_opened}, off by default; see {@code /api/account/notifications}).
     */
    public Optional<ShareOwnerContact> shareOpenedContact(String accountId) {
        return accounts.findById(accountId).filter(a -> a.state() == AccountState.ACTIVE)
                .filter(a -> accounts.notifiesShareOpened(a.id()).orElse(false))
                .map(a -> new ShareOwnerContact(a.email(), a.displayName(), a.language()));
    }

    /**
     * Who the account is, for a mail sent on its behalf (a share's link mailed by its owner, issue 18
     * item 4): present only for an active account.
     */
    public Optional<ShareOwnerContact> contact(String accountId) {
        return accounts.findById(accountId).filter(a -> a.state() == AccountState.ACTIVE)
                .map(a -> new ShareOwnerContact(a.email(), a.displayName(), a.language()));
    }

    /** True once an admin deleted the account (an unknown id is not a deleted account). */
    public boolean isDeleted(String accountId) {
        return accounts.findById(accountId).map(a -> a.state() == AccountState.DELETED).orElse(false);
    }
}
