package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link Totp} against RFC 6238 appendix B, and the window BAR accepts around the current step. */
class TotpTests {

    // RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void codeWhenRfc6238AppendixBVectorThenTheSameEightDigits(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
    }

    @Test
    void codeWhenSixDigitsThenTheLastSixOfTheVector() {
        assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void matchingStepWhenCodeOfCurrentStepThenThatStep() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now)).hasValue(step);
    }

    @Test
    void matchingStepWhenCodeOneStepBeforeOrAfterThenAccepted() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
    }

    @Test
    void matchingStepWhenCodeTwoStepsAwayThenRefused() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void matchingStepWhenNotSixDigitsThenRefused() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(SHA1_SEED, Totp.step(now));
        assertThat(Totp.matchingStep(SHA1_SEED, code.substring(1), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, code + "0", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "28708a", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "", now)).isEmpty();
    }

    @Test
    void matchingStepWhenAnotherSecretThenRefused() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(SHA256_SEED, Totp.code(SHA1_SEED, Totp.step(now)), now)).isEmpty();
    }

    @Test
    void base32WhenRfc4648VectorsThenTheSameText() {
        // RFC 4648 §10, without padding
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Totp.base32("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void keyUriWhenIssuerAndAccountNeedEncodingThenPercentEncodedWithTheCodeShape() {
        assertThat(Totp.keyUri("Acme Vault", "ana+work@example.com", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Acme%20Vault:ana%2Bwork%40example.com?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Acme%20Vault&algorithm=SHA1&digits=6&period=30");
    }
}
