package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.security.Role;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The first administrator, from {@code BAR_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code BAR_BOOTSTRAP_ADMIN_PASSWORD}, created (or an existing account with that address
 * promoted) at start-up when no administrator exists. Never over HTTP. The password must pass
 * the same policy as any other; a weak one stops the start, naming the rule, not the value.
 * Done once every bean exists (the schema is migrated) and <em>before</em> the web server takes
 * requests: as an {@code ApplicationRunner} it ran after the port was open, so a sign-in right after
 * {@code /healthz} answered could find no administrator yet (the README's curl blocks in CI did).
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    BootstrapAdmin(AccountRepository accounts, PasswordHashing hashing, PasswordPolicy policy, SecurityEvents events,
            AccountProperties properties, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureAdmin(properties.bootstrapAdminEmail(), properties.bootstrapAdminPassword());
    }

    /** Returns the id of the account made admin, or empty when nothing was to be done. */
    Optional<String> ensureAdmin(String email, String password) {
        if (email.isBlank() && password.isEmpty()) {
            return Optional.empty();
        }
        String normalized = EmailAddress.normalize(email);
        if (normalized == null || password.isEmpty()) {
            throw new IllegalStateException("BAR_BOOTSTRAP_ADMIN_EMAIL and BAR_BOOTSTRAP_ADMIN_PASSWORD must both be "
                    + "set, the email a valid address");
        }
        if (accounts.adminExists()) {
            return Optional.empty();
        }
        Password secret = Password.of(password);
        try {
            policy.check("password", secret, normalized, null);
        } catch (BarProblem.Invalid e) {
            throw new IllegalStateException("BAR_BOOTSTRAP_ADMIN_PASSWORD " + e.detail(), e);
        }
        String hash = hashing.hash(secret);
        Optional<Account> existing = accounts.findByEmail(normalized);
        String id;
        if (existing.isPresent()) {
            id = existing.get().id();
            accounts.makeActiveAdmin(id, hash);
        } else {
            id = OpaqueTokens.newId();
            try {
                accounts.insert(new Account(id, normalized, "Administrator", hash, Role.ADMIN, AccountState.ACTIVE,
                        clock.instant(), null, null));
            } catch (DuplicateKeyException raced) {
                return Optional.empty(); // another node created it at the same moment
            }
        }
        events.record(SecurityEventType.ADMIN_ACTION, null, Map.of("action", "bootstrap_admin", "target", id));
        log.info("account.bootstrap_admin id={}", id);
        return Optional.of(id);
    }
}
