package app.bar.account;

import app.bar.platform.secrets.Password;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the account API, with the shape rules as Jakarta constraints (the rules of
 * the domain, such as password strength, stay in the services). Boxed types only (a missing
 * value is null, not an error); a field not declared here, such as {@code role}, is refused
 * with a 400 naming it (ASVS 15.3.3). Passwords are {@link Password}s, which never print;
 * {@code toString()} of anything holding another secret or an address prints neither.
 */
final class AuthRequests {

    private AuthRequests() {
    }

    /** {@code language}: the register page's, the language of the account's mails until one is chosen (issue 17). */
    record Register(@NotNull @Size(max = 320) String email, @NotNull Password password,
            @Size(max = 200) @Nullable String displayName, @Size(max = 35) @Nullable String language) {
        @Override
        public String toString() {
            return "Register[hidden]";
        }
    }

    record Login(@NotNull @Size(max = 320) String email, @NotNull Password password, @Nullable Boolean rememberMe) {
        @Override
        public String toString() {
            return "Login[hidden]";
        }
    }

    record Token(@NotNull @Size(max = 200) String token) {
        @Override
        public String toString() {
            return "Token[hidden]";
        }
    }

    record Email(@NotNull @Size(max = 320) String email) {
        @Override
        public String toString() {
            return "Email[hidden]";
        }
    }

    record Reset(@NotNull @Size(max = 200) String token, @NotNull Password newPassword) {
        @Override
        public String toString() {
            return "Reset[hidden]";
        }
    }

    record Reauthenticate(@NotNull Password password) {
    }

    /** The second sign-in step: the challenge and exactly one of an authenticator code and a recovery code. */
    record SecondFactor(@NotNull @Size(max = 100) String mfaToken, @Nullable @Size(max = 10) String code,
            @Nullable @Size(max = 64) String recoveryCode) {
        @Override
        public String toString() {
            return "SecondFactor[hidden]";
        }
    }

    /** A step that needs only the sign-in challenge (a required enrolment's start). */
    record MfaToken(@NotNull @Size(max = 100) String mfaToken) {
        @Override
        public String toString() {
            return "MfaToken[hidden]";
        }
    }

    /** A required enrolment's confirming code, with its challenge. */
    record ConfirmEnrolment(@NotNull @Size(max = 100) String mfaToken, @NotNull @Size(max = 10) String code) {
        @Override
        public String toString() {
            return "ConfirmEnrolment[hidden]";
        }
    }

    /** The confirming code of an authenticator set up while signed in. */
    record ConfirmTotp(@NotNull @Size(max = 10) String code) {
        @Override
        public String toString() {
            return "ConfirmTotp[hidden]";
        }
    }

    record ChangePassword(@NotNull Password currentPassword, @NotNull Password newPassword) {
    }

    record CreateToken(@Nullable String name, @Nullable @Size(max = 20) List<String> scopes,
            @Nullable Integer expiresInDays) {
    }
}
