package app.bar.crypto;

/**
 * Something besides shares that keeps values sealed under the master key ring. The
 * {@code rewrap} maintenance command asks each one to move its values to the newest key, so old
 * keys can leave {@code BAR_MASTER_KEYS}. Modules contribute implementations as beans.
 */
public interface RewrapParticipant {

    /** What it holds, for the log line ({@code webhook_secrets}). */
    String name();

    /** Re-seals every value not yet under the newest key; safe next to running nodes and to run twice. */
    Result rewrapAll();

    /** How many values moved and how many could not be re-sealed. */
    record Result(int moved, int failed) {
    }
}
