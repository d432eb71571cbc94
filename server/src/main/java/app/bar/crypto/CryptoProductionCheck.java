package app.bar.crypto;

import app.bar.platform.config.KeyRingSetting;
import app.bar.platform.config.ProductionCheck;
import app.bar.platform.secrets.KeyRingSpec;
import java.util.List;

/** The master key ring, {@code BAR_MASTER_KEYS}: exactly 32-byte keys (registered in {@code META-INF/spring.factories}). */
final class CryptoProductionCheck implements ProductionCheck {

    @Override
    public List<KeyRingSetting> keyRings() {
        return List.of(new KeyRingSetting("BAR_MASTER_KEYS", "bar.crypto.master-keys", "master.keys", "mk",
                KeyRingSpec.MASTER_KEY_BYTES, KeyRingSpec.MASTER_KEY_BYTES));
    }
}
