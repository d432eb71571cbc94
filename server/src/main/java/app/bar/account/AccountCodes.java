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
    /** Right password, but the email address is not confirmed yet. */
    static final String UNVERIFIED = "account.unverified";
    /** Right password, but an administrator has not approved the account yet. */
    static final String PENDING_APPROVAL = "account.pending_approval";
    /** Right password, but the account is paused by an administrator. */
    static final String PAUSED = "account.paused";
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
    /** A verification or reset link that was used, has expired or was replaced. */
    static final String LINK_INVALID = "account.link_invalid";
    /** An API token scope that does not exist or that the account may not grant. */
    static final String SCOPE_NOT_ALLOWED = "account.scope_not_allowed";

    private AccountCodes() {
    }
}
