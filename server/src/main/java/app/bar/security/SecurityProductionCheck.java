package app.bar.security;

import app.bar.platform.config.KeyRingSetting;
import app.bar.platform.config.ProductionCheck;
import app.bar.platform.secrets.KeyRingSpec;
import java.util.List;

/** The JWT signing key ring, {@code BAR_JWT_KEYS} (registered in {@code META-INF/spring.factories}). */
final class SecurityProductionCheck implements ProductionCheck {

    @Override
    public List<KeyRingSetting> keyRings() {
        return List.of(new KeyRingSetting("BAR_JWT_KEYS", "bar.jwt.keys", "jwt.keys", "jwt", KeyRingSpec.JWT_KEY_BYTES, 512));
    }
}
