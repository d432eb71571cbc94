package app.bar.share;

/**
 * The share module's problem codes (see {@code docs/errors.md}). A share that never existed,
 * has expired, was destroyed, or whose manage token is wrong answers {@code resource.not_found}
 * with one body everywhere, so none can be told apart; a wrong password and a wrong access key
 * are both {@link #PASSWORD_WRONG} (the access key is derived from the password).
 */
public final class ShareCodes {

    // --- opening a share ------------------------------------------------------------------------
    /** 401: the share needs its password and none was sent. */
    public static final String PASSWORD_REQUIRED = "share.password_required";
    /** 401: the zero-knowledge share needs its access key (derived from the password) and none was sent. */
    public static final String ACCESS_KEY_REQUIRED = "share.access_key_required";
    /** 401: the password (or the access key derived from it) is wrong. */
    public static final String PASSWORD_WRONG = "share.password_wrong";
    /** 429: wait {@code Retry-After} before trying another password. */
    public static final String RETRY_LATER = "share.retry_later";
    /** 423: locked after too many wrong passwords in a row, for {@code Retry-After}. */
    public static final String LOCKED = "share.locked";
    /** 401: the one-time code is wrong, used or expired. */
    public static final String OTP_INVALID = "otp.invalid";
    /** 401: the ticket is unknown, used or expired (they live 60 s and work once): unlock again. */
    public static final String TICKET_EXPIRED = "ticket.expired";

    // --- creating and uploading -------------------------------------------------------------------
    /** 401: uploading needs the share's manage token as {@code Authorization: Bearer bar_mt_...}. */
    public static final String MANAGE_TOKEN_REQUIRED = "share.manage_token_required";
    /** 409: the content is already uploaded, or an upload of it is running. */
    public static final String CONTENT_EXISTS = "share.content_exists";
    /** 422: the virus scanner found the file infected; nothing was kept. */
    public static final String VIRUS_FOUND = "share.virus_found";
    /** 503: the virus scanner cannot be reached; nothing was kept, try again after {@code Retry-After}. */
    public static final String SCANNER_UNAVAILABLE = "share.scanner_unavailable";

    // --- rules a field of the policy breaks (errors[].code) ----------------------------------------
    /** Only a signed-in creator may set this field ({@code unlimitedViews}, {@code webhookUrl}). */
    public static final String SIGNED_IN_ONLY = "share.signed_in_only";
    /** The field must be absent with the rest of this policy ({@code text} for a file share...). */
    public static final String FIELD_NOT_ALLOWED = "share.field_not_allowed";
    /** {@code webhookUrl} was sent, but this server has no webhooks. */
    public static final String WEBHOOKS_UNAVAILABLE = "share.webhooks_unavailable";

    private ShareCodes() {
    }
}
