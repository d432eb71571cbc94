package app.bar.crypto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.crypto.*}: the master key ring ({@code BAR_MASTER_KEYS}, {@code kid:base64url-32-bytes,...},
 * newest first) and the Argon2id cost of share passwords. The Argon2 floor is OWASP's minimum
 * (19 MiB, t = 2, p = 1). Derivations run on the platform's hashing pool ({@code bar.hashing.*}),
 * which bounds them together with the account password hashes.
 */
@ConfigurationProperties("bar.crypto")
@Validated
public record CryptoProperties(
        @NotBlank String masterKeys,
        @DefaultValue("19456") @Min(19456) @Max(1048576) int argon2MemoryKib,
        @DefaultValue("2") @Min(2) @Max(10) int argon2Iterations,
        @DefaultValue("1") @Min(1) @Max(8) int argon2Parallelism) {

    @Override
    public String toString() {
        return "CryptoProperties[masterKeys hidden, argon2=m" + argon2MemoryKib + ",t" + argon2Iterations + ",p"
                + argon2Parallelism + "]";
    }
}
