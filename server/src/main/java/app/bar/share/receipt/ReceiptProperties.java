package app.bar.share.receipt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.receipts.*}: the Ed25519 signing keys of destruction receipts ({@code BAR_RECEIPT_KEYS},
 * {@code kid:base64url-32-byte-seed,...}, newest first: the newest signs, every key's public half is
 * published), public keys of retired signing keys whose private half is gone
 * ({@code BAR_RECEIPTS_RETIRED_PUBLIC_KEYS}, {@code kid:base64url-32-byte-public-key,...}), and how
 * long a receipt is kept after its share's destruction.
 */
@ConfigurationProperties("bar.receipts")
@Validated
public record ReceiptProperties(
        @NotBlank String keys,
        @DefaultValue("") String retiredPublicKeys,
        @DefaultValue("365d") @NotNull Duration retention) {

    @Override
    public String toString() {
        return "ReceiptProperties[keys hidden, retention=" + retention + "]";
    }
}
