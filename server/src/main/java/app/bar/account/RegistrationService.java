package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.security.Role;
import app.bar.web.i18n.Catalogues;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Sign-up and email verification. The answer to a sign-up is decided before the address is
 * looked up (only the request itself is validated), and the rest runs on the hashing pool
 * after the answer: a new address gets a verification link, an unverified one a fresh link
 * (the newest registration's password wins), a registered one a "someone tried" notice. So
 * status, body and time are the same for known and unknown addresses (ASVS 6.3.8).
 */
@Service
class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final AccountMails mails;
    private final SecurityEvents events;
    private final AccountProperties properties;
    private final Clock clock;
    private final Catalogues catalogues;

    RegistrationService(AccountRepository accounts, OneTimeTokens tokens, PasswordHashing hashing, PasswordPolicy policy,
            AccountMails mails, SecurityEvents events, AccountProperties properties, Clock clock, Catalogues catalogues) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.hashing = hashing;
        this.policy = policy;
        this.mails = mails;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.catalogues = catalogues;
    }

    /**
     * {@code language}: the register page's; a new account keeps it (when offered) as the language
     * of its mails, so the confirmation mail already comes in it (issue 17).
     */
    void register(String email, Password password, @Nullable String displayName, @Nullable String language) {
        String normalized = EmailAddress.normalize(email);
        if (normalized == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT,
                    "email", "must be a single valid email address of at most 254 characters");
        }
        String name = DisplayNames.clean(displayName);
        policy.check("password", password, normalized, name);
        hashing.submit(() -> {
            try {
                complete(normalized, password, name, offered(language));
            } catch (RuntimeException e) {
                log.error("account.register_failed", e); // after the answer: only the log can know
            }
        });
    }

    private @Nullable String offered(@Nullable String language) {
        return language != null && catalogues.languages().contains(language) ? language : null;
    }

    private void complete(String email, Password password, @Nullable String name, @Nullable String language) {
        String hash = hashing.hashHere(password);
        Account existing = accounts.findByEmail(email).orElse(null);
        if (existing == null) {
            Account account = new Account(OpaqueTokens.newId(), email, name, hash, Role.USER,
                    AccountState.PENDING_VERIFICATION, clock.instant(), null, language);
            try {
                accounts.insert(account);
            } catch (DuplicateKeyException raced) {
                log.info("account.register_raced");
                return; // a concurrent sign-up for the same address got there first and mailed it
            }
            events.record(SecurityEventType.ACCOUNT_REGISTERED, account.id(), Map.of());
            mails.verification(email, name, account.language(), tokens.issue(account.id(), OneTimeTokens.Purpose.VERIFY, properties.verificationTtl()));
        } else if (existing.state() == AccountState.PENDING_VERIFICATION) {
            accounts.updatePasswordHash(existing.id(), hash);
            mails.verification(email, name, existing.language(), tokens.issue(existing.id(), OneTimeTokens.Purpose.VERIFY, properties.verificationTtl()));
        } else if (existing.state() != AccountState.DELETED) {
            mails.alreadyRegistered(email, existing.displayName(), existing.language());
        }
    }

    /** Uses a verification link; the account becomes active, or waits for approval when that is required. */
    AccountState verify(String token) {
        String accountId = tokens.peek(token, OneTimeTokens.Purpose.VERIFY).orElseThrow(RegistrationService::badLink);
        if (!tokens.consume(token, OneTimeTokens.Purpose.VERIFY)) {
            throw badLink();
        }
        AccountState next = properties.approvalRequired() ? AccountState.PENDING_APPROVAL : AccountState.ACTIVE;
        if (!accounts.changeState(accountId, AccountState.PENDING_VERIFICATION, next)) {
            throw badLink();
        }
        events.record(SecurityEventType.ACCOUNT_VERIFIED, accountId, Map.of("state", next.name().toLowerCase(java.util.Locale.ROOT)));
        return next;
    }

    static BarProblem.Invalid badLink() {
        return new BarProblem.Invalid(AccountCodes.LINK_INVALID,
                "token", "is not valid: the link was used already, has expired or was replaced by a newer one");
    }
}
