/**
 * Accounts: registration, email verification, approval, Argon2id password hashing, login and
 * lockout, sessions with rotating refresh tokens, personal API tokens, password reset, the
 * account mails, the bootstrap admin, and second factors (TOTP with recovery codes, passkeys; the
 * TOTP secrets sealed under the crypto module's master key ring). Public face: {@link app.bar.account.AccountAdministration}
 * (for the admin module), {@link app.bar.account.AccountDirectory} (whether an account was
 * deleted), {@link app.bar.account.AccountState}, its DTOs and the
 * {@link app.bar.account.AccountDeleted} event.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "mail", "security", "crypto", "web :: i18n"})
@NullMarked
package app.bar.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
