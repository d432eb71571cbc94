package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.CurrentAccount;
import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passkeys over HTTP: the signed-in account's list, registration (a recent password first) and
 * removal ({@code /api/account/passkeys/**}), and sign-in with a passkey ({@code /api/auth/passkey/**}),
 * alone or as the second step of a password sign-in (with its {@code mfaToken}). WebAuthn's own JSON
 * (options out, the authenticator's credential in) is read and written by Spring Security's
 * {@link WebauthnJacksonModule}; everything around it is BAR's records.
 */
@RestController
class PasskeyController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final JsonMapper WEBAUTHN = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private static final TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>> ATTESTATION =
            new TypeReference<>() {
            };
    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION =
            new TypeReference<>() {
            };

    record PasskeyOptions(String ceremonyToken, JsonNode options) {
        @Override
        public String toString() {
            return "PasskeyOptions[hidden]";
        }
    }

    record PasskeyView(String id, String label, Instant createdAt, Instant lastUsedAt) {
        static PasskeyView of(PasskeyStore.PasskeyRow row) {
            return new PasskeyView(row.credentialId(), row.label(), row.createdAt(), row.lastUsedAt());
        }
    }

    record PasskeyRegistration(@NotNull @Size(max = 100) String ceremonyToken, @Nullable @Size(max = 60) String label,
            @NotNull ObjectNode credential) {
        @Override
        public String toString() {
            return "PasskeyRegistration[hidden]";
        }
    }

    record PasskeySignInOptions(@Nullable @Size(max = 100) String mfaToken) {
        @Override
        public String toString() {
            return "PasskeySignInOptions[hidden]";
        }
    }

    record PasskeySignIn(@NotNull @Size(max = 100) String ceremonyToken, @Nullable @Size(max = 100) String mfaToken,
            @Nullable Boolean rememberMe, @NotNull ObjectNode credential) {
        @Override
        public String toString() {
            return "PasskeySignIn[hidden]";
        }
    }

    private final Passkeys passkeys;
    private final LocalLogin localLogin;
    private final MfaSignIn mfa;
    private final LoginService logins;
    private final Reauthentication reauthentication;
    private final SessionCookies cookies;
    private final Clock clock;

    PasskeyController(Passkeys passkeys, LocalLogin localLogin, MfaSignIn mfa, LoginService logins,
            Reauthentication reauthentication,
            SessionCookies cookies, Clock clock) {
        this.passkeys = passkeys;
        this.localLogin = localLogin;
        this.mfa = mfa;
        this.logins = logins;
        this.reauthentication = reauthentication;
        this.cookies = cookies;
        this.clock = clock;
    }

    @GetMapping(path = "/api/account/passkeys", produces = JSON)
    List<PasskeyView> list() {
        return passkeys.list(CurrentAccount.requireId()).stream().map(PasskeyView::of).toList();
    }

    @PostMapping(path = "/api/account/passkeys/options", produces = JSON)
    PasskeyOptions registrationOptions() {
        reauthentication.require(requireSession());
        Passkeys.Ceremony<?> ceremony = passkeys.beginRegistration(CurrentAccount.requireId());
        return new PasskeyOptions(ceremony.ceremonyToken(), WEBAUTHN.valueToTree(ceremony.options()));
    }

    @PostMapping(path = "/api/account/passkeys", consumes = JSON, produces = JSON)
    ResponseEntity<PasskeyView> register(@Valid @RequestBody PasskeyRegistration request) {
        requireSession();
        String named = request.label();
        String label = named == null || named.isBlank() ? "Passkey" : named.strip();
        return ResponseEntity.status(HttpStatus.CREATED).body(PasskeyView.of(passkeys.register(CurrentAccount.requireId(),
                request.ceremonyToken(), label, () -> read(request.credential(), ATTESTATION))));
    }

    @DeleteMapping("/api/account/passkeys/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        reauthentication.require(requireSession());
        passkeys.remove(CurrentAccount.requireId(), id);
        return ResponseEntity.noContent().build();
    }

    /** Options to sign in with a passkey: alone, or (with the {@code mfaToken} of a right password) as the second step. */
    @PostMapping(path = "/api/auth/passkey/options", consumes = JSON, produces = JSON)
    PasskeyOptions signInOptions(@Valid @RequestBody PasskeySignInOptions request) {
        localLogin.require(); // with single sign-on only, a passkey signs no one in either
        String mfaToken = request.mfaToken();
        String accountId = mfaToken == null ? null : mfa.accountOf(mfa.live(mfaToken, AuthChallenges.Purpose.MFA)).id();
        Passkeys.Ceremony<?> ceremony = passkeys.beginSignIn(accountId);
        return new PasskeyOptions(ceremony.ceremonyToken(), WEBAUTHN.valueToTree(ceremony.options()));
    }

    @PostMapping(path = "/api/auth/passkey", consumes = JSON, produces = JSON)
    AuthResponses.Session signIn(@Valid @RequestBody PasskeySignIn request, HttpServletRequest http,
            HttpServletResponse response) {
        localLogin.require();
        Supplier<PublicKeyCredential<AuthenticatorAssertionResponse>> credential = () -> read(request.credential(),
                ASSERTION);
        String userAgent = http.getHeader(HttpHeaders.USER_AGENT);
        IssuedSession session;
        String mfaToken = request.mfaToken();
        if (mfaToken != null) {
            // the second step: a passkey that does not verify, or is another account's, is a wrong answer
            AuthChallenges.Challenge challenge = mfa.live(mfaToken, AuthChallenges.Purpose.MFA);
            Account account = mfa.accountOf(challenge);
            if (passkeys.verifySignIn(request.ceremonyToken(), credential, account.id()).isEmpty()) {
                throw mfa.failed(challenge, account, "passkey");
            }
            session = mfa.complete(challenge, account, "passkey", userAgent, ClientIp.redacted(http));
        } else {
            Account account = passkeys.verifySignIn(request.ceremonyToken(), credential, null)
                    .orElseThrow(() -> passkeys.refused(null));
            if (account.isLocked(clock.instant())) {
                throw passkeys.refused(account.id());
            }
            session = logins.startSession(account, Boolean.TRUE.equals(request.rememberMe()), userAgent,
                    ClientIp.redacted(http), "passkey");
        }
        return AuthResponses.Session.written(session, cookies, response, clock.instant());
    }

    private static <T> T read(ObjectNode credential, TypeReference<T> type) {
        try {
            return WEBAUTHN.treeToValue(credential, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_INVALID, "credential", "is not a WebAuthn credential");
        }
    }

    private static String requireSession() {
        return CurrentAccount.sessionId().orElseThrow(AccountController::sessionRequired);
    }
}
