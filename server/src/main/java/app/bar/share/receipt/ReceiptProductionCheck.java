package app.bar.share.receipt;

import app.bar.platform.config.KeyRingSetting;
import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import app.bar.platform.secrets.KeyRingSpec;
import java.util.List;

/**
 * The receipt signing ring, {@code BAR_RECEIPT_KEYS}: Ed25519 seeds of exactly 32 bytes. Production
 * refuses to start without it; the embedded default generates one into {@code data/keys/receipt.keys}
 * (registered in {@code META-INF/spring.factories}).
 */
final class ReceiptProductionCheck implements ProductionCheck {

    @Override
    public List<KeyRingSetting> keyRings() {
        return List.of(new KeyRingSetting("BAR_RECEIPT_KEYS", "bar.receipts.keys", "receipt.keys", "rk",
                ReceiptKeys.SEED_BYTES, ReceiptKeys.SEED_BYTES));
    }

    /** Retired public keys, when set, must be well formed on every start: a key that cannot be published verifies nothing. */
    @Override
    public void checkEverywhere(ProductionSettings settings) {
        String retired = settings.value("bar.receipts.retired-public-keys");
        if (!retired.isBlank()) {
            KeyRingSpec.problems(retired, ReceiptKeys.PUBLIC_KEY_BYTES, ReceiptKeys.PUBLIC_KEY_BYTES)
                    .forEach(rule -> settings.problem("BAR_RECEIPTS_RETIRED_PUBLIC_KEYS", rule));
        }
    }
}
