package app.bar.crypto;

import app.bar.platform.secrets.KeyRing;
import app.bar.platform.secrets.KeyRingSpec;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * The master key ring from {@code bar.crypto.master-keys}: the newest key seals, every key in
 * the ring still opens what it sealed (so keys rotate, and {@code rewrap} moves old shares on).
 */
@Component
final class MasterKeys {

    private final KeyRing ring;

    MasterKeys(CryptoProperties properties) {
        this.ring = KeyRingSpec.parse(properties.masterKeys(), KeyRingSpec.MASTER_KEY_BYTES, KeyRingSpec.MASTER_KEY_BYTES);
    }

    String newestKid() {
        return ring.newest().kid();
    }

    byte[] newest() {
        return ring.newest().secret().toByteArray();
    }

    byte[] find(String kid) {
        return ring.find(kid).orElseThrow(() -> new NoSuchElementException("master key " + kid + " is not in the ring"))
                .secret().toByteArray();
    }
}
