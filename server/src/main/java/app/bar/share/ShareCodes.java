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
    /** 401: the zero-knowledge share needs its link access key (derived from the link key) and none was sent. */
    public static final String LINK_KEY_REQUIRED = "share.link_key_required";
    /** 401: the link's key is not this share's (the link was damaged); no view was spent, it counts as a wrong try. */
    public static final String LINK_KEY_WRONG = "share.link_key_wrong";
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
    /**
     * {@code viewOnly} on a file browsers cannot show (a {@code .zip}): the recipient's view would be
     * spent on nothing. Decided from the sniffed type at upload (server mode; nothing is kept).
     */
    public static final String NOT_PREVIEWABLE = "share.not_previewable";
    /** {@code webhookUrl} was sent, but this server has no webhooks. */
    public static final String WEBHOOKS_UNAVAILABLE = "share.webhooks_unavailable";

    // --- owners -----------------------------------------------------------------------------------
    /** 409: the owner's share is not destroyed yet; its destruction receipt is signed when it is. */
    public static final String RECEIPT_PENDING = "share.receipt_pending";

    // --- the operator's policies (bar.policy.*) a new share breaks (errors[].code) ---------------------
    /** {@code bar.policy.require-password}: the creator (or every anonymous creator) must set a password. */
    public static final String POLICY_PASSWORD_REQUIRED = "policy.password_required";
    /** {@code bar.policy.<role>.max-views}: more views (or unlimited) than the creator's role may give. */
    public static final String POLICY_MAX_VIEWS = "policy.max_views";
    /** {@code bar.policy.<role>.max-expiry}: a longer expiry than the creator's role may give. */
    public static final String POLICY_MAX_EXPIRY = "policy.max_expiry";
    /** {@code bar.policy.otp-email-domains}: a one-time-code recipient outside the allowed domains. */
    public static final String POLICY_OTP_EMAIL_DOMAIN = "policy.otp_email_domain";
    /** {@code bar.policy.anonymous-file-shares=false}: a file share by a creator who is not signed in. */
    public static final String POLICY_ANONYMOUS_FILES_DISABLED = "policy.anonymous_files_disabled";
    /** {@code bar.policy.require-zero-knowledge}: a server-mode share. */
    public static final String POLICY_ZERO_KNOWLEDGE_REQUIRED = "policy.zero_knowledge_required";

    private ShareCodes() {
    }
}
