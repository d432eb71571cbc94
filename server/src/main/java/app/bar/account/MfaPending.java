package app.bar.account;

import java.time.Instant;
import java.util.List;

/**
 * The password was right and a second step is due: the challenge token (256 bits, the only copy;
 * it grants nothing but that step), whether the step is an enrolment ({@code bar.accounts.mfa-required}
 * and no factor yet) or a second factor, the methods the account can use, and when it ends. Not a
 * record: the token must never be printed.
 */
final class MfaPending implements SignInStep {

    private final String token;
    private final boolean enrolment;
    private final List<String> methods;
    private final Instant expiresAt;

    MfaPending(String token, boolean enrolment, List<String> methods, Instant expiresAt) {
        this.token = token;
        this.enrolment = enrolment;
        this.methods = List.copyOf(methods);
        this.expiresAt = expiresAt;
    }

    String token() {
        return token;
    }

    boolean enrolment() {
        return enrolment;
    }

    List<String> methods() {
        return methods;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "MfaPending[" + (enrolment ? "enrolment" : "second factor") + "]";
    }
}
