package app.bar.audit;

/** The security events BAR records (DESIGN.md §1 "Audit and visibility"). */
public enum SecurityEventType {
    LOGIN_FAILED("login.failed"),
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_PENDING_APPROVAL("login.pending_approval"),
    LOGIN_ACCOUNT_PAUSED("login.account_paused"),
    ACCOUNT_LOCKED("account.locked"),
    ACCOUNT_REGISTERED("account.registered"),
    ACCOUNT_VERIFIED("account.verified"),
    PASSWORD_CHANGED("account.password_changed"),
    PASSWORD_RESET("account.password_reset"),
    TOKEN_EXPIRED("token.expired"),
    TOKEN_INVALID("token.invalid"),
    TOKEN_MISSING("token.missing"),
    TOKEN_REFRESH_REUSE("token.refresh_reuse"),
    SESSION_REVOKED("session.revoked"),
    SESSION_REAUTHENTICATED("session.reauthenticated"),
    MFA_ENROLLED("mfa.enrolled"),
    MFA_DISABLED("mfa.disabled"),
    MFA_FAILED("mfa.failed"),
    MFA_RECOVERY_USED("mfa.recovery_used"),
    MFA_RECOVERY_CODES_RENEWED("mfa.recovery_codes_renewed"),
    MFA_RESET("mfa.reset"),
    PASSKEY_REGISTERED("passkey.registered"),
    PASSKEY_REMOVED("passkey.removed"),
    PASSKEY_FAILED("passkey.failed"),
    API_TOKEN_CREATED("api_token.created"),
    API_TOKEN_DELETED("api_token.deleted"),
    ACCESS_DENIED("access.denied"),
    RATE_LIMIT_EXCEEDED("rate_limit.exceeded"),
    CSRF_REJECTED("csrf.rejected"),
    SHARE_PASSWORD_FAILED("share.password_failed"),
    SHARE_LOCKED("share.locked"),
    SHARE_TAMPER_DETECTED("share.tamper_detected"),
    WEBHOOK_SET("webhook.set"),
    WEBHOOK_DELETED("webhook.deleted"),
    WEBHOOK_TARGET_REFUSED("webhook.target_refused"),
    CHAT_JOINED("chat.joined"),
    CHAT_REFUSED("chat.refused"),
    CHAT_BURNED("chat.burned"),
    OIDC_REFUSED("oidc.refused"),
    OIDC_LINKED("oidc.linked"),
    ROLE_CHANGED("account.role_changed"),
    ADMIN_ACTION("admin.action");

    private final String code;

    SecurityEventType(String code) {
        this.code = code;
    }

    /** The stable name used in the table, logs, metrics and the admin API. */
    public String code() {
        return code;
    }

    public static SecurityEventType ofCode(String code) {
        for (SecurityEventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown security event type");
    }
}
