package app.bar.account;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/account/*}: the signed-in user's own account (and the language of its mails), mail settings, sessions, password and API tokens.
 * Another account's session or token answers 404, like one that never existed (ASVS 8.2.2).
 */
@RestController
@RequestMapping(path = "/api/account", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountProfile profile;
    private final SessionService sessions;
    private final PasswordService passwords;
    private final ApiTokens apiTokens;
    private final Reauthentication reauthentication;

    AccountController(AccountProfile profile, SessionService sessions, PasswordService passwords, ApiTokens apiTokens,
            Reauthentication reauthentication) {
        this.profile = profile;
        this.sessions = sessions;
        this.passwords = passwords;
        this.apiTokens = apiTokens;
        this.reauthentication = reauthentication;
    }

    @GetMapping
    AccountSummary account() {
        return profile.get(CurrentAccount.requireId());
    }

    /** Changes the account's own settings: {@code {"language": "de"}}, the language of its mails. */
    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountSummary change(@Valid @RequestBody AccountProfile.Change request) {
        return profile.change(CurrentAccount.requireId(), request);
    }

    @GetMapping("/notifications")
    AccountProfile.Notifications notifications() {
        return profile.notifications(CurrentAccount.requireId());
    }

    @PutMapping(path = "/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountProfile.Notifications changeNotifications(@Valid @RequestBody AccountProfile.Notifications request) {
        return profile.changeNotifications(CurrentAccount.requireId(), request);
    }

    @GetMapping("/sessions")
    List<AuthResponses.SessionView> sessions() {
        String current = CurrentAccount.sessionId().orElse(null);
        return sessions.listLive(CurrentAccount.requireId()).stream()
                .map(s -> AuthResponses.SessionView.of(s, current)).toList();
    }

    /** Signs out every other session (this one stays). */
    @DeleteMapping("/sessions")
    ResponseEntity<Void> endOtherSessions() {
        sessions.endAll(CurrentAccount.requireId(), CurrentAccount.sessionId().orElse(null), "user");
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> endSession(@PathVariable String id) {
        sessions.endOwn(CurrentAccount.requireId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(@Valid @RequestBody AuthRequests.ChangePassword request) {
        passwords.change(CurrentAccount.requireId(), requireSession(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> tokens() {
        return apiTokens.list(CurrentAccount.requireId());
    }

    /** A new personal API token: it outlives the session, so the password must have been proved recently. */
    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthResponses.CreatedToken> createToken(@Valid @RequestBody AuthRequests.CreateToken request) {
        reauthentication.require(requireSession());
        Account account = profile.account(CurrentAccount.requireId());
        ApiTokens.CreatedToken created = apiTokens.create(account.id(), account.role(), request.name(), request.scopes(),
                request.expiresInDays());
        return ResponseEntity.status(HttpStatus.CREATED).body(AuthResponses.CreatedToken.of(created));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> deleteToken(@PathVariable String id) {
        apiTokens.delete(CurrentAccount.requireId(), id);
        return ResponseEntity.noContent().build();
    }

    private static String requireSession() {
        return CurrentAccount.sessionId().orElseThrow(AccountController::sessionRequired);
    }

    static BarProblem.Forbidden sessionRequired() {
        return new BarProblem.Forbidden(AccountCodes.SESSION_REQUIRED, "This needs a signed-in session, not an API token.");
    }
}
