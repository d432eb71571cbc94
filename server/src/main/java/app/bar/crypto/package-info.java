/**
 * Encryption at rest for shares: the master key ring that wraps per-share data keys, the
 * streaming AEAD that seals contents (Tink {@code AES256_GCM_HKDF_1MB}), and the Argon2id
 * password layer. Public face: {@link app.bar.crypto.DataKey}, {@link app.bar.crypto.ContentCipher},
 * {@link app.bar.crypto.Envelope}, {@link app.bar.crypto.SealedKey}, {@link app.bar.crypto.PasswordKdf},
 * {@link app.bar.crypto.KdfParams}, {@link app.bar.crypto.KeySealer}; for other modules' small
 * secrets sealed under the same ring, {@link app.bar.crypto.MasterKeySeal},
 * {@link app.bar.crypto.SealedSecret} and the {@code rewrap} SPI {@link app.bar.crypto.RewrapParticipant}
 * (with {@link app.bar.crypto.SealedSecretBatches}, the loop over rows of sealed secrets).
 */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package app.bar.crypto;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
