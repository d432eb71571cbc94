package app.bar.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals small secrets the server must use again later — webhook signing secrets, which cannot be
 * stored as hashes because every delivery is signed with them — under the newest key of the
 * master key ring (AES-256-GCM, as {@link Envelope} seals data keys). The associated data is
 * {@code bar-sealed-secret:v1:<purpose>:<kid>}, so a sealed value copied to another row, another
 * purpose or a share's key column does not open.
 */
@Component
public final class MasterKeySeal {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final MasterKeys masterKeys;

    MasterKeySeal(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** Seals {@code plaintext} for {@code purpose} (for example {@code webhook:<id>}) under the newest key. */
    public SealedSecret seal(String purpose, byte[] plaintext) {
        String kid = masterKeys.newestKid();
        byte[] key = masterKeys.newest();
        try {
            return new SealedSecret(kid, B64.encodeToString(KeySealer.sealBytes(key, plaintext, context(purpose, kid))));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The plaintext of a sealed secret; the caller wipes it after use. {@link WrongSecretException}
     * when it was sealed for another purpose or tampered with; {@link java.util.NoSuchElementException}
     * when its master key has left the ring.
     */
    public byte[] open(String purpose, SealedSecret sealed) {
        byte[] key = masterKeys.find(sealed.kid());
        try {
            return KeySealer.openBytes(key, B64D.decode(sealed.value()), context(purpose, sealed.kid()));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The same secret sealed under the newest master key; empty when it already is. */
    public Optional<SealedSecret> rewrap(String purpose, SealedSecret sealed) {
        if (sealed.kid().equals(masterKeys.newestKid())) {
            return Optional.empty();
        }
        byte[] plain = open(purpose, sealed);
        try {
            return Optional.of(seal(purpose, plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    public String newestKid() {
        return masterKeys.newestKid();
    }

    private static String context(String purpose, String kid) {
        return "bar-sealed-secret:v1:" + purpose + ":" + kid;
    }
}
