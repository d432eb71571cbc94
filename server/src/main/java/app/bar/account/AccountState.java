package app.bar.account;

/** The life of an account (DESIGN.md §1). Only {@code ACTIVE} accounts sign in. */
public enum AccountState {
    PENDING_VERIFICATION,
    PENDING_APPROVAL,
    ACTIVE,
    PAUSED,
    DELETED
}
