package app.bar.share;

/** Why a share was crypto-shredded. */
public enum DestroyReason {
    /** Its last view was taken. */
    VIEWS_USED,
    /** Its owner (or a manage-token holder) burned it, or the owner's account was deleted. */
    BURNED_BY_OWNER,
    /** Too many wrong passwords with {@code burnAfterFailedAttempts}. */
    FAILED_ATTEMPTS,
    /** Its ciphertext failed authentication while being read. */
    TAMPER,
    /** It passed its expiry. */
    EXPIRED,
    /** A file share whose upload never completed. */
    UPLOAD_ABANDONED,
    /** A recipient burned it after reading, as its sender allowed ({@code allowRecipientBurn}). */
    RECIPIENT,
    /** An administrator burned it (moderation), giving a reason recorded as a security event. */
    BURNED_BY_ADMIN
}
