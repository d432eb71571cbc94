package app.bar.share.owner;

import app.bar.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted account's shares are crypto-shredded with it (issue #3 item 11), before the admin's request returns. */
@Component
class AccountDeletionListener {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionListener.class);

    private final OwnedShares shares;

    AccountDeletionListener(OwnedShares shares) {
        this.shares = shares;
    }

    @EventListener
    void on(AccountDeleted event) {
        int destroyed = shares.destroyAllOwnedBy(event.accountId());
        log.info("share.owner_deleted account={} destroyed={}", event.accountId(), destroyed);
    }
}
