package app.bar.share.core;

/** Where a share is in its life. Locks and exhausted views are columns, not states. */
public enum ShareState {
    /** A file share waiting for its upload. */
    PENDING,
    /** A file share whose upload is running. */
    UPLOADING,
    ACTIVE,
    /** Crypto-shredded: a tombstone. */
    DESTROYED,
    /** Crypto-shredded after tamper detection. */
    QUARANTINED
}
