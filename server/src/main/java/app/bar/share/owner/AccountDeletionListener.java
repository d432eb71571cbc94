package app.bar.share.owner;

import app.bar.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's shares are crypto-shredded (issue #3 item 11), just after the deletion
 * committed, in a transaction of its own; after a crash the registry runs it again, and running
 * it twice is harmless ({@link OwnedShares#destroyAllOwnedBy} skips what is already gone).
 */
@Component
class AccountDeletionListener {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionListener.class);

    private final OwnedShares shares;

    AccountDeletionListener(OwnedShares shares) {
        this.shares = shares;
    }

    @ApplicationModuleListener
    void on(AccountDeleted event) {
        int destroyed = shares.destroyAllOwnedBy(event.accountId());
        log.info("share.owner_deleted account={} destroyed={}", event.accountId(), destroyed);
    }
}
