package app.bar.account;

/**
 * The account module's problem codes (see {@code docs/errors.md}). Sign-in never tells an
 * unknown address, a locked account and a wrong password apart: all are {@link #LOGIN_FAILED}.
 */
final class AccountCodes {

    /** The email or password is wrong (or the account is locked or unknown: the answer is the same). */
    static final String LOGIN_FAILED = "auth.login_failed";
    /** The session has ended (signed out, revoked, expired) or there is none to refresh: sign in. */
    static final String SESSION_ENDED = "auth.session_ended";
    /** This needs a signed-in session; a personal API token may not do it. */
    static final String SESSION_REQUIRED = "auth.session_required";
    /**
     * This action needs a recent proof of the password (bar.accounts.reauthentication-window):
     * {@code POST /api/auth/reauthenticate {password}}, then retry.
     */
    static final String REAUTHENTICATION_REQUIRED = "auth.reauthentication_required";
    /** Passwords are switched off ({@code bar.accounts.local-login-enabled=false}): sign in with single sign-on. */
    static final String LOCAL_LOGIN_DISABLED = "auth.local_login_disabled";
    /** There is no single sign-on link waiting (none started, used, or older than 10 minutes): sign in with the provider again. */
    static final String OIDC_LINK_INVALID = "auth.oidc_link_invalid";
    /** Right password, but the email address is not confirmed yet. */
    static final String UNVERIFIED = "account.unverified";
    /** Right password, but an administrator has not approved the account yet. */
    static final String PENDING_APPROVAL = "account.pending_approval";
    /** Right password, but the account is paused by an administrator. */
    static final String PAUSED = "account.paused";
    /** The second sign-in step failed: the code or passkey was wrong, or a code was used before. */
    static final String MFA_FAILED = "auth.mfa_failed";
    /** The second sign-in step's token is unknown, used or expired (or had too many wrong codes): sign in again. */
    static final String MFA_CHALLENGE_INVALID = "auth.mfa_challenge_invalid";
    /** A passkey ceremony's token is unknown, used or expired: start again. */
    static final String PASSKEY_CEREMONY_INVALID = "auth.passkey_ceremony_invalid";
    /** An authenticator app is already set up; remove it before setting up another. */
    static final String MFA_ALREADY_ENROLLED = "account.mfa_already_enrolled";
    /** There is no pending authenticator set-up to confirm. */
    static final String MFA_NOT_STARTED = "account.mfa_not_started";
    /** The account has no second factor (recovery codes need one). */
    static final String MFA_NOT_ENROLLED = "account.mfa_not_enrolled";
    /** The account has as many API tokens as allowed. */
    static final String API_TOKEN_LIMIT = "account.api_token_limit";
    /** An administrator's action that does not fit the account's state (approving an active account...). */
    static final String STATE_CONFLICT = "account.state_conflict";
    /** An administrator may not pause or delete their own account. */
    static final String OWN_ACCOUNT = "account.own_account";

    // rules a field breaks (errors[].code)
    /** {@code currentPassword} is not the account's password. */
    static final String PASSWORD_WRONG = "account.password_wrong";
    /** The new password is too easy to guess. */
    static final String PASSWORD_WEAK = "account.password_weak";
    /** {@code code} is not the authenticator's current code. */
    static final String MFA_CODE_WRONG = "account.mfa_code_wrong";
    /** A new passkey's {@code credential} did not verify (wrong origin, challenge or signature). */
    static final String PASSKEY_INVALID = "account.passkey_invalid";
    /** A verification or reset link that was used, has expired or was replaced. */
    static final String LINK_INVALID = "account.link_invalid";
    /** An API token scope that does not exist or that the account may not grant. */
    static final String SCOPE_NOT_ALLOWED = "account.scope_not_allowed";

    private AccountCodes() {
    }
}
