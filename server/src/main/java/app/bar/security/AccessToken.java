package app.bar.security;

import java.time.Instant;

/** A freshly signed access JWT. A class, not a record, so {@code toString()} cannot print the token. */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }

    /** The compact JWT, for the access cookie (or a test's bearer header). */
    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
