package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.crypto.MasterKeySeal;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.StrongRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factors: a TOTP authenticator (secret sealed under the master key ring,
 * enrolled with a confirming code), its ten single-use recovery codes (80 random bits each, stored
 * as SHA-256: like the other bearer credentials, too many bits to guess, so a fast hash is enough),
 * and the count of its passkeys (table {@code passkeys}). The HTTP layers ask for re-authentication
 * before changing any of them.
 */
@Service
class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final int SECRET_BYTES = 20; // RFC 4226 §4: 160 bits
    private static final int RECOVERY_CODE_BYTES = 10; // 80 bits, 16 base32 characters

    /** What an authenticator app needs: the secret (base32) and the otpauth URI its QR code carries. */
    record TotpSetup(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "TotpSetup[hidden]";
        }
    }

    /** The factors of an account, for its security page. */
    record Status(boolean totp, @Nullable Instant totpSince, int recoveryCodesLeft, int passkeys, boolean required) {
    }

    private final SecondFactorRepository factors;
    private final MasterKeySeal seal;
    private final AuthChallenges challenges;
    private final SecurityEvents events;
    private final SecondFactorProperties properties;
    private final Clock clock;

    SecondFactors(SecondFactorRepository factors, MasterKeySeal seal, AuthChallenges challenges, SecurityEvents events,
            SecondFactorProperties properties, Clock clock) {
        this.factors = factors;
        this.seal = seal;
        this.challenges = challenges;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    Status status(String accountId) {
        SecondFactorRepository.TotpRow totp = factors.totp(accountId).filter(SecondFactorRepository.TotpRow::confirmed)
                .orElse(null);
        return new Status(totp != null, totp == null ? null : totp.confirmedAt(), factors.recoveryCodesLeft(accountId),
                factors.passkeyCount(accountId), properties.mfaRequired());
    }

    /** True when the account has a confirmed authenticator or a passkey: sign-in then asks for it. */
    boolean hasFactor(String accountId) {
        return factors.totp(accountId).filter(SecondFactorRepository.TotpRow::confirmed).isPresent()
                || factors.passkeyCount(accountId) > 0;
    }

    /** How the second step can be passed: {@code totp}, {@code recovery_code}, {@code passkey}. */
    List<String> methods(String accountId) {
        List<String> methods = new ArrayList<>();
        if (factors.totp(accountId).filter(SecondFactorRepository.TotpRow::confirmed).isPresent()) {
            methods.add("totp");
        }
        if (factors.recoveryCodesLeft(accountId) > 0) {
            methods.add("recovery_code");
        }
        if (factors.passkeyCount(accountId) > 0) {
            methods.add("passkey");
        }
        return methods;
    }

    /**
     * The step after a right password: the second factor when the account has one, the enrolment
     * when {@code bar.accounts.mfa-required} is on and it has none, else nothing (a session at once).
     */
    Optional<MfaPending> challengeAfterPassword(Account account, boolean rememberMe) {
        boolean enrolled = hasFactor(account.id());
        if (!enrolled && !properties.mfaRequired()) {
            return Optional.empty();
        }
        AuthChallenges.Purpose purpose = enrolled ? AuthChallenges.Purpose.MFA : AuthChallenges.Purpose.ENROL;
        String token = challenges.issue(purpose, account.id(), rememberMe, null, properties.mfaChallengeTtl());
        return Optional.of(new MfaPending(token, !enrolled, enrolled ? methods(account.id()) : List.of("totp"),
                clock.instant().plus(properties.mfaChallengeTtl())));
    }

    /**
     * A new secret, stored unconfirmed (a pending one is replaced); {@code 409} while a confirmed
     * authenticator exists (disable it first).
     */
    TotpSetup beginTotp(Account account) {
        byte[] secret = OpaqueTokens.randomBytes(SECRET_BYTES);
        try {
            if (!factors.startTotp(account.id(), seal.seal(purpose(account.id()), secret), clock.instant())) {
                throw new BarProblem.Conflict(AccountCodes.MFA_ALREADY_ENROLLED,
                        "An authenticator app is already set up; remove it first to set up another.");
            }
            String base32 = Totp.base32(secret);
            return new TotpSetup(base32, Totp.keyUri(properties.totpIssuer(), account.email(), base32));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Confirms the pending authenticator with a current code and answers the new recovery codes
     * (shown once). A wrong code is a {@code 400} on {@code field}; nothing changes.
     */
    @Transactional
    List<String> confirmTotp(String accountId, String code, String field) {
        SecondFactorRepository.TotpRow pending = factors.totp(accountId).filter(t -> !t.confirmed())
                .orElseThrow(() -> new BarProblem.Conflict(AccountCodes.MFA_NOT_STARTED,
                        "There is no authenticator set-up to confirm; start again."));
        OptionalLong step = matchingStep(pending, code);
        if (step.isEmpty() || !factors.confirmTotp(accountId, step.getAsLong(), clock.instant())) {
            throw new BarProblem.Invalid(AccountCodes.MFA_CODE_WRONG, field, "is not the current code of the authenticator");
        }
        List<String> codes = newRecoveryCodes(accountId);
        events.record(SecurityEventType.MFA_ENROLLED, accountId, Map.of("method", "totp"));
        return codes;
    }

    /** True when {@code code} is the authenticator's code of a step not used before (then it is used). */
    boolean acceptTotp(String accountId, String code) {
        return factors.totp(accountId).filter(SecondFactorRepository.TotpRow::confirmed)
                .map(totp -> matchingStep(totp, code))
                .filter(OptionalLong::isPresent)
                .map(step -> factors.useStep(accountId, step.getAsLong()))
                .orElse(false);
    }

    /** True when {@code code} is one of the account's unused recovery codes (then it is used up). */
    boolean acceptRecoveryCode(String accountId, String code) {
        String normalized = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 64) {
            return false;
        }
        boolean used = factors.useRecoveryCode(accountId, recoveryHash(accountId, normalized));
        if (used) {
            events.record(SecurityEventType.MFA_RECOVERY_USED, accountId,
                    Map.of("left", factors.recoveryCodesLeft(accountId)));
        }
        return used;
    }

    /** Ten new recovery codes; the old ones stop working. */
    @Transactional
    List<String> renewRecoveryCodes(String accountId) {
        if (!hasFactor(accountId)) {
            throw new BarProblem.Conflict(AccountCodes.MFA_NOT_ENROLLED, "Set up a second factor first.");
        }
        List<String> codes = newRecoveryCodes(accountId);
        events.record(SecurityEventType.MFA_RECOVERY_CODES_RENEWED, accountId, Map.of());
        return codes;
    }

    /** Removes the authenticator (and, with no passkey left, the recovery codes). */
    @Transactional
    void disableTotp(String accountId) {
        if (!factors.deleteTotp(accountId)) {
            throw new BarProblem.NotFound();
        }
        if (factors.passkeyCount(accountId) == 0) {
            factors.deleteRecoveryCodes(accountId);
        }
        events.record(SecurityEventType.MFA_DISABLED, accountId, Map.of("method", "totp"));
    }

    /** Every factor of the account goes (an administrator's reset, or the account's deletion). */
    void removeAll(String accountId) {
        factors.deleteTotp(accountId);
        factors.deleteRecoveryCodes(accountId);
        factors.deletePasskeys(accountId);
        challenges.deleteAll(accountId);
    }

    private List<String> newRecoveryCodes(String accountId) {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        List<String> hashes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[RECOVERY_CODE_BYTES];
            StrongRandom.current().nextBytes(random);
            String code = Totp.base32(random);
            hashes.add(recoveryHash(accountId, code));
            codes.add((code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12)).toLowerCase(Locale.ROOT));
        }
        factors.replaceRecoveryCodes(accountId, hashes, clock.instant());
        return codes;
    }

    private OptionalLong matchingStep(SecondFactorRepository.TotpRow totp, String code) {
        byte[] secret = seal.open(purpose(totp.accountId()), totp.sealed());
        try {
            return Totp.matchingStep(secret, code.strip(), clock.instant());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The master-key-ring purpose a TOTP secret is sealed for: bound to its account. */
    static String purpose(String accountId) {
        return "totp:" + accountId;
    }

    private static String recoveryHash(String accountId, String normalized) {
        return OpaqueTokens.sha256Hex("recovery-code:" + accountId + ":" + normalized);
    }
}
