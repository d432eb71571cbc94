package app.bar.share.request;

import app.bar.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's requests for a secret go just after the deletion committed (the shares that
 * answered them go with the account's other shares); after a crash the registry runs it again, and
 * running it twice is harmless.
 */
@Component
class RequestAccountCleanup {

    private static final Logger log = LoggerFactory.getLogger(RequestAccountCleanup.class);

    private final SecretRequestRepository requests;

    RequestAccountCleanup(SecretRequestRepository requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(AccountDeleted event) {
        int deleted = requests.deleteOfOwner(event.accountId());
        log.info("request.owner_deleted account={} deleted={}", event.accountId(), deleted);
    }
}
