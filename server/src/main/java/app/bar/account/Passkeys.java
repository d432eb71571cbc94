package app.bar.account;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.web.PublicUrl;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;

/**
 * Passkeys (WebAuthn) with Spring Security's relying-party operations
 * ({@link Webauthn4JRelyingPartyOperations}, over webauthn4j): registering several per account,
 * and signing in with one alone (passwordless) or after the password as the second factor. The
 * ceremonies' options live in {@code auth_challenges} rather than in an HTTP session (BAR's nodes
 * keep no session state), so each begin answers a ceremony token the finish must bring back; the
 * options are rebuilt from the stored challenge with the same fixed parameters. Every ceremony
 * requires user verification (a PIN or biometric on the authenticator), so a passkey alone is two
 * factors. The relying party is BAR's public URL: its host is the RP id, its origin the only one
 * allowed.
 */
@Service
class Passkeys {

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);
    private static final Duration CEREMONY_TTL = Duration.ofMinutes(5);

    /** A ceremony's start: the token to bring back, and the options for {@code navigator.credentials}. */
    record Ceremony<T>(String ceremonyToken, T options) {
        @Override
        public String toString() {
            return "Ceremony[hidden]";
        }
    }

    private final PasskeyStore store;
    private final PasskeyUsers users;
    private final AuthChallenges challenges;
    private final AccountRepository accounts;
    private final SecurityEvents events;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private volatile @Nullable Webauthn4JRelyingPartyOperations operations;

    Passkeys(PasskeyStore store, PasskeyUsers users, AuthChallenges challenges, AccountRepository accounts, SecurityEvents events,
            PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.users = users;
        this.challenges = challenges;
        this.accounts = accounts;
        this.events = events;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    List<PasskeyStore.PasskeyRow> list(String accountId) {
        return store.list(accountId);
    }

    /** Options to create a passkey for the account (its existing ones excluded). */
    Ceremony<PublicKeyCredentialCreationOptions> beginRegistration(String accountId) {
        PublicKeyCredentialCreationOptions options = operations().createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(
                        UsernamePasswordAuthenticationToken.authenticated(accountId, null, List.of())));
        String token = challenges.issue(AuthChallenges.Purpose.PASSKEY_REGISTER, accountId, false,
                options.getChallenge().toBase64UrlString(), CEREMONY_TTL);
        return new Ceremony<>(token, options);
    }

    /**
     * Verifies the authenticator's answer to {@link #beginRegistration} and stores the passkey. The
     * ceremony token is checked (and used up) before the answer is read, so an ended ceremony is
     * {@code 401 auth.passkey_ceremony_invalid} whatever came with it.
     */
    PasskeyStore.PasskeyRow register(String accountId, String ceremonyToken, String label,
            Supplier<PublicKeyCredential<AuthenticatorAttestationResponse>> answer) {
        AuthChallenges.Challenge ceremony = challenges.find(ceremonyToken, AuthChallenges.Purpose.PASSKEY_REGISTER)
                .filter(c -> accountId.equals(c.accountId()) && c.payload() != null)
                .orElseThrow(Passkeys::ceremonyInvalid);
        if (!challenges.consume(ceremony)) {
            throw ceremonyInvalid();
        }
        PublicKeyCredential<AuthenticatorAttestationResponse> credential = answer.get();
        PublicKeyCredentialUserEntity user = users.findByUsername(accountId);
        if (user == null) {
            throw new BarProblem.NotFound();
        }
        PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder().rp(rp()).user(user)
                .challenge(Bytes.fromBase64(ceremony.payload())).excludeCredentials(List.of())
                .customize(Passkeys::creationParameters).build();
        try {
            operations().registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
                    new RelyingPartyPublicKey(credential, label)));
        } catch (RuntimeException e) {
            log.info("passkey.registration_refused error={}", e.getClass().getSimpleName());
            throw new BarProblem.Invalid(AccountCodes.PASSKEY_INVALID, "credential", "did not verify");
        }
        String id = credential.getRawId().toBase64UrlString();
        events.record(SecurityEventType.PASSKEY_REGISTERED, accountId, Map.of("passkey", id));
        return store.list(accountId).stream().filter(p -> p.credentialId().equals(id)).findFirst()
                .orElseThrow(BarProblem.NotFound::new);
    }

    void remove(String accountId, String credentialId) {
        if (!store.remove(accountId, credentialId)) {
            throw new BarProblem.NotFound();
        }
        events.record(SecurityEventType.PASSKEY_REMOVED, accountId, Map.of("passkey", credentialId));
    }

    /**
     * Options to sign in with a passkey: any of the account's for a second step ({@code accountId}
     * from its challenge), any discoverable one otherwise.
     */
    Ceremony<PublicKeyCredentialRequestOptions> beginSignIn(@Nullable String accountId) {
        PublicKeyCredentialRequestOptions options = operations().createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(null));
        String token = challenges.issue(AuthChallenges.Purpose.PASSKEY_SIGNIN, accountId, false,
                options.getChallenge().toBase64UrlString(), CEREMONY_TTL);
        return new Ceremony<>(token, options);
    }

    /**
     * The active account whose passkey answered the sign-in ceremony, or empty when the answer does
     * not verify, belongs to no active account, or (for a second step) to another account than
     * {@code expectedAccountId}. The ceremony token is checked (and used up) before the answer is
     * read: an ended one is {@code 401 auth.passkey_ceremony_invalid}.
     */
    Optional<Account> verifySignIn(String ceremonyToken,
            Supplier<PublicKeyCredential<AuthenticatorAssertionResponse>> answer, @Nullable String expectedAccountId) {
        AuthChallenges.Challenge ceremony = challenges.find(ceremonyToken, AuthChallenges.Purpose.PASSKEY_SIGNIN)
                .filter(c -> c.payload() != null && Objects.equals(c.accountId(), expectedAccountId))
                .orElseThrow(Passkeys::ceremonyInvalid);
        if (!challenges.consume(ceremony)) {
            throw ceremonyInvalid();
        }
        PublicKeyCredential<AuthenticatorAssertionResponse> credential = answer.get();
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.fromBase64(ceremony.payload())).rpId(rp().getId()).allowCredentials(List.of())
                .userVerification(UserVerificationRequirement.REQUIRED).timeout(CEREMONY_TTL).build();
        PublicKeyCredentialUserEntity user;
        try {
            user = operations().authenticate(new RelyingPartyAuthenticationRequest(options, credential));
        } catch (RuntimeException e) {
            log.info("passkey.sign_in_refused error={}", e.getClass().getSimpleName());
            user = null;
        }
        if (user == null) {
            return Optional.empty();
        }
        return users.accountOf(user.getId()).flatMap(accounts::findById)
                .filter(a -> a.state() == AccountState.ACTIVE)
                .filter(a -> expectedAccountId == null || expectedAccountId.equals(a.id()));
    }

    private static void creationParameters(PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder b) {
        b.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .attestation(AttestationConveyancePreference.NONE)
                .timeout(CEREMONY_TTL);
    }

    private PublicKeyCredentialRpEntity rp() {
        return PublicKeyCredentialRpEntity.builder().id(URI.create(publicUrl.base()).getHost()).name("BAR").build();
    }

    /**
     * Spring's operations for BAR's public URL, made on first use (the public URL of a server
     * without {@code BAR_PUBLIC_URL} is known only once it listens).
     */
    private Webauthn4JRelyingPartyOperations operations() {
        Webauthn4JRelyingPartyOperations current = operations;
        if (current == null) {
            current = new Webauthn4JRelyingPartyOperations(users, store, rp(), Set.of(publicUrl.base()));
            current.setCustomizeCreationOptions(Passkeys::creationParameters);
            current.setCustomizeRequestOptions(b -> b.userVerification(UserVerificationRequirement.REQUIRED)
                    .timeout(CEREMONY_TTL));
            operations = current;
        }
        return current;
    }

    /**
     * A passwordless sign-in that did not verify (or whose account is locked): {@code passkey.failed}
     * and {@code 401 auth.mfa_failed}.
     */
    BarProblem.Unauthorized refused(@Nullable String accountId) {
        events.record(SecurityEventType.PASSKEY_FAILED, accountId, Map.of("reason", "not_verified"));
        return new BarProblem.Unauthorized(AccountCodes.MFA_FAILED, "The passkey was not accepted.");
    }

    static BarProblem.Unauthorized ceremonyInvalid() {
        return new BarProblem.Unauthorized(AccountCodes.PASSKEY_CEREMONY_INVALID,
                "This passkey request has ended (expired or used); start again.");
    }
}
