package app.bar.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, six
 * digits, and a code of the step before or after the current one is also accepted (clock drift).
 * Hand-written glue over {@link javax.crypto.Mac}: no well-kept TOTP library resolves from this
 * build's registry, and the algorithm is twenty lines of HMAC and truncation; {@code TotpTests}
 * checks it against the test vectors of RFC 6238 appendix B. Refusing a replayed code is the
 * caller's part: it remembers the last step used per account ({@code account_totp.last_used_step}).
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps accepted on either side of the current one. */
    static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The step {@code instant} falls in (RFC 6238 T, with T0 = 0). */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The six-digit code of {@code step}. */
    static String code(byte[] secret, long step) {
        return code(secret, step, "HmacSHA1", DIGITS);
    }

    /** RFC 4226 §5.3 with the moving factor {@code step}: HMAC, dynamic truncation, modulo 10^digits. */
    static String code(byte[] secret, long step, String hmac, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        StringBuilder code = new StringBuilder(Integer.toString(binary % POWERS[digits]));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    /**
     * The step whose code {@code code} is, within {@link #WINDOW} steps of {@code now}; empty when
     * none. Every step of the window is computed and compared in constant time, so the answer's
     * timing says nothing about which step matched.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            if (MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                matched = s;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** RFC 4648 base32 without padding: how authenticator apps take the secret. */
    /**
     * The key URI an authenticator app reads from the QR code (Google Authenticator's "Key Uri
     * Format"): {@code otpauth://totp/Issuer:account?secret=…&issuer=…} with this class's
     * algorithm, digits and period; issuer and account are percent-encoded.
     */
    static String keyUri(String issuer, String account, String base32Secret) {
        return UriComponentsBuilder.newInstance().scheme("otpauth").host("totp").path("/{issuer}:{account}")
                .queryParam("secret", "{key}").queryParam("issuer", "{issuer}").queryParam("algorithm", "SHA1")
                .queryParam("digits", DIGITS).queryParam("period", STEP_SECONDS)
                .encode().buildAndExpand(Map.of("issuer", issuer, "account", account, "key", base32Secret))
                .toUriString();
    }

    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
