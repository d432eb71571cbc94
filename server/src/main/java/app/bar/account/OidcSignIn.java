package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What BAR does once a provider has signed someone in (the protocol itself — state, nonce, PKCE,
 * the ID token's signature, issuer, audience and expiry — is Spring Security's): the provider's
 * policy ({@code allowed-email-domains}, {@code allowed-groups}), the account (found by the
 * provider's subject, or created just in time), the role from {@code admin-groups}, then a BAR
 * session exactly as a password sign-in starts one.
 *
 * <p>An address that already belongs to an account is never taken over by the claim alone: the
 * provider must say the address is verified <em>and</em> the person must give that account's
 * password ({@link #link}); until then nothing is linked and no session starts.
 */
@Service
class OidcSignIn {

    static final String METHOD = "oidc";
    static final Duration LINK_TTL = Duration.ofMinutes(10);

    private final OidcProperties properties;
    private final AccountRepository accounts;
    private final IdentityRepository identities;
    private final SessionService sessions;
    private final LoginService logins;
    private final SecondFactors secondFactors;
    private final SecurityEvents events;
    private final AccountProperties accountProperties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OidcSignIn(OidcProperties properties, AccountRepository accounts, IdentityRepository identities,
            SessionService sessions, LoginService logins, SecondFactors secondFactors, SecurityEvents events,
            AccountProperties accountProperties, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.identities = identities;
        this.sessions = sessions;
        this.logins = logins;
        this.secondFactors = secondFactors;
        this.events = events;
        this.accountProperties = accountProperties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the provider said about the person (from the verified ID token and the user-info answer). */
    record Claims(String subject, @Nullable String email, boolean emailVerified, @Nullable String name,
            Collection<String> groups) {

        @Override
        public String toString() {
            return "Claims[groups=" + groups.size() + "]"; // no address or name in logs
        }
    }

    /** The end of a sign-in by a provider. */
    sealed interface Outcome {
        record SignedIn(IssuedSession session) implements Outcome {
        }

        /** Refused by a rule ({@code email_domain}, {@code group}, {@code email_unverified}, …), recorded as {@code oidc.refused}. */
        record Refused(String rule) implements Outcome {
        }

        /** The address belongs to an account: its password links it ({@link OidcSignIn#link}); the token names the waiting link. */
        record LinkRequired(String token) implements Outcome {
        }
    }

    OidcProperties.@Nullable Provider provider(String id) {
        return properties.provider(id);
    }

    Outcome signIn(String providerId, Claims claims, String device, String clientIp) {
        OidcProperties.Provider provider = properties.provider(providerId);
        if (provider == null) {
            return refuse(providerId, null, "unknown_provider");
        }
        String email = EmailAddress.normalize(claims.email());
        if (!provider.allowedEmailDomains().isEmpty() && (email == null || !provider.allowedEmailDomains()
                .contains(email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT)))) {
            return refuse(providerId, null, "email_domain");
        }
        if (!provider.allowedGroups().isEmpty() && claims.groups().stream().noneMatch(provider.allowedGroups()::contains)) {
            return refuse(providerId, null, "group");
        }
        Role role = provider.adminGroups().isEmpty() ? null
                : claims.groups().stream().anyMatch(provider.adminGroups()::contains) ? Role.ADMIN : Role.USER;
        Outcome outcome = transactions.execute(tx -> {
            Account account = identities.accountOf(providerId, claims.subject()).flatMap(accounts::findById)
                    .filter(a -> a.state() != AccountState.DELETED).orElse(null);
            if (account == null) {
                if (email == null) {
                    return refuse(providerId, null, "email_missing");
                }
                Account existing = accounts.findByEmail(email).filter(a -> a.state() != AccountState.DELETED).orElse(null);
                if (existing != null) {
                    if (!claims.emailVerified()) {
                        return refuse(providerId, existing.id(), "email_unverified");
                    }
                    String token = OpaqueTokens.newSecret();
                    identities.addPendingLink(OpaqueTokens.sha256Hex(token), new IdentityRepository.PendingLink(
                            existing.id(), providerId, claims.subject(), role, clock.instant().plus(LINK_TTL)));
                    return new Outcome.LinkRequired(token);
                }
                account = create(providerId, claims.subject(), email, claims.name(), role);
            }
            return start(providerId, account, role, device, clientIp, false);
        });
        return outcome;
    }

    /**
     * Completes a waiting link with the account's password, with the sign-in's bookkeeping (a wrong
     * one counts toward the lockout; a locked account is told so). An account with a second factor
     * proves it too, in the same request: the authenticator's {@code code} or a {@code recoveryCode}
     * (missing: {@code 400 field.required} on {@code code}, nothing counted; wrong: {@code mfa.failed},
     * counted toward the lockout like a wrong password, and the right password before it does not
     * reset that count), so the password alone cannot tie a provider's identity to such an account.
     * The link is used up by the call that succeeds.
     */
    IssuedSession link(String token, Password password, @Nullable String code, @Nullable String recoveryCode,
            String device, String clientIp) {
        String hash = OpaqueTokens.sha256Hex(token);
        IdentityRepository.PendingLink link = identities.findPendingLink(hash, clock.instant())
                .orElseThrow(OidcSignIn::linkInvalid);
        Account account = accounts.findById(link.accountId()).filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(OidcSignIn::linkInvalid);
        logins.checkPassword(account, password, "password");
        if (secondFactors.hasFactor(account.id())) {
            requireSecondFactor(account, code, recoveryCode);
        }
        Outcome outcome = transactions.execute(tx -> {
            if (!identities.consumePendingLink(hash)) {
                throw linkInvalid();
            }
            if (identities.accountOf(link.provider(), link.subject()).isEmpty()) {
                identities.link(link.provider(), link.subject(), account.id(), clock.instant());
            }
            events.record(SecurityEventType.OIDC_LINKED, account.id(), Map.of("provider", link.provider()));
            return start(link.provider(), account, link.role(), device, clientIp, true);
        });
        if (outcome instanceof Outcome.SignedIn signedIn) {
            return signedIn.session();
        }
        throw new BarProblem.Forbidden(AccountCodes.OIDC_LINK_INVALID, "This account cannot sign in now ("
                + ((Outcome.Refused) outcome).rule() + ").");
    }

    private void requireSecondFactor(Account account, @Nullable String code, @Nullable String recoveryCode) {
        if (code == null && recoveryCode == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "code",
                    "is needed: this account has a second factor (send the authenticator's code or a recoveryCode)");
        }
        String method = code != null ? "totp" : "recovery_code";
        boolean right = code != null ? secondFactors.acceptTotp(account.id(), code)
                : secondFactors.acceptRecoveryCode(account.id(), recoveryCode);
        if (!right) {
            logins.recordFailure(account, clock.instant(), SecurityEventType.MFA_FAILED, method);
            throw new BarProblem.Invalid(AccountCodes.MFA_CODE_WRONG, code != null ? "code" : "recoveryCode",
                    "is wrong or was used before");
        }
    }

    private Account create(String providerId, String subject, String email, @Nullable String name, @Nullable Role role) {
        AccountState state = accountProperties.approvalRequired() ? AccountState.PENDING_APPROVAL : AccountState.ACTIVE;
        // no password: such an account signs in through its provider (a reset link can give it one)
        Account account = new Account(OpaqueTokens.newId(), email, DisplayNames.clean(name), "",
                role == null ? Role.USER : role, state, clock.instant(), null, null);
        accounts.insert(account);
        identities.link(providerId, subject, account.id(), clock.instant());
        events.record(SecurityEventType.ACCOUNT_REGISTERED, account.id(), Map.of("method", METHOD, "provider", providerId));
        return account;
    }

    private Outcome start(String providerId, Account account, @Nullable Role role, String device, String clientIp,
            boolean linked) {
        Account current = account;
        if (role != null && accounts.changeRole(account.id(), role)) {
            events.record(SecurityEventType.ROLE_CHANGED, account.id(), Map.of("role", role.name(), "provider", providerId));
            current = new Account(account.id(), account.email(), account.displayName(), account.passwordHash(), role,
                    account.state(), account.createdAt(), account.lockedUntil(), account.language());
        }
        if (current.state() != AccountState.ACTIVE) {
            return refuse(providerId, current.id(), "account_" + current.state().name().toLowerCase(Locale.ROOT));
        }
        accounts.clearFailures(current.id());
        IssuedSession session = sessions.start(current, false, device, clientIp);
        Map<String, Object> detail = new HashMap<>(Map.of("session", session.sessionId(), "method", METHOD,
                "provider", providerId));
        if (linked) {
            detail.put("linked", true);
        }
        events.record(SecurityEventType.LOGIN_SUCCEEDED, current.id(), detail);
        return new Outcome.SignedIn(session);
    }

    Outcome refuse(String providerId, @Nullable String accountId, String rule) {
        events.record(SecurityEventType.OIDC_REFUSED, accountId, Map.of("provider", providerId, "rule", rule));
        return new Outcome.Refused(rule);
    }

    /** A deleted account keeps no link to a provider's identity (same transaction as the deletion). */
    @EventListener
    void on(AccountDeleted deleted) {
        identities.deleteAll(deleted.accountId());
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void deleteExpiredLinks() {
        identities.deleteExpiredLinks(clock.instant());
    }

    static List<String> groups(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        return claim instanceof String value && !value.isBlank() ? List.of(value) : List.of();
    }

    private static BarProblem.Invalid linkInvalid() {
        return new BarProblem.Invalid(AccountCodes.OIDC_LINK_INVALID, "link",
                "is not waiting: sign in with your provider again (a link waits 10 minutes and is used once)");
    }
}
