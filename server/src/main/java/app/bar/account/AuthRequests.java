package app.bar.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the account API. Boxed types only (a missing value is null, not an
 * error); unknown fields such as {@code role} are ignored by the JSON mapper, and nothing here
 * can carry one (ASVS 15.3.3). {@code toString()} of anything holding a secret prints no secret.
 */
final class AuthRequests {

    private AuthRequests() {
    }

    record Register(@NotNull @Size(max = 320) String email, @NotNull String password,
            @Size(max = 200) @Nullable String displayName) {
        @Override
        public String toString() {
            return "Register[password hidden]";
        }
    }

    record Login(@NotNull @Size(max = 320) String email, @NotNull String password, @Nullable Boolean rememberMe) {
        @Override
        public String toString() {
            return "Login[password hidden]";
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

    record Reset(@NotNull @Size(max = 200) String token, @NotNull String newPassword) {
        @Override
        public String toString() {
            return "Reset[hidden]";
        }
    }

    record ChangePassword(@NotNull String currentPassword, @NotNull String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[hidden]";
        }
    }

    record CreateToken(@Nullable String name, @Nullable List<String> scopes, @Nullable Integer expiresInDays) {
    }
}
