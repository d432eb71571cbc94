package app.bar.security;

/**
 * Whether a session may still use its access tokens. Implemented by the accounts module over
 * its {@code sessions} table; {@link SessionRevocations} caches the answer for a few seconds.
 */
public interface SessionStatus {

    boolean isActive(String sessionId);
}
