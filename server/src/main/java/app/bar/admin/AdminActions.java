package app.bar.admin;

import app.bar.account.AccountAdministration;
import app.bar.account.AccountSummary;
import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Each administrator action on an account, recorded as {@code admin.action} naming the admin and the target. */
@Service
class AdminActions {

    private final AccountAdministration accounts;
    private final SecurityEvents events;

    AdminActions(AccountAdministration accounts, SecurityEvents events) {
        this.accounts = accounts;
        this.events = events;
    }

    AccountSummary approve(String adminId, String accountId) {
        AccountSummary result = accounts.approve(accountId);
        record(adminId, "approve", accountId);
        return result;
    }

    AccountSummary pause(String adminId, String accountId) {
        AccountSummary result = accounts.pause(adminId, accountId);
        record(adminId, "pause", accountId);
        return result;
    }

    AccountSummary resume(String adminId, String accountId) {
        AccountSummary result = accounts.resume(accountId);
        record(adminId, "resume", accountId);
        return result;
    }

    void delete(String adminId, String accountId) {
        accounts.delete(adminId, accountId);
        record(adminId, "delete", accountId);
    }

    void resetFactors(String adminId, String accountId) {
        accounts.resetFactors(adminId, accountId);
        record(adminId, "reset_factors", accountId);
    }

    private void record(String adminId, String action, String target) {
        events.record(SecurityEventType.ADMIN_ACTION, adminId, Map.of("action", action, "target", target));
    }
}
