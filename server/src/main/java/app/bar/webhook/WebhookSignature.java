package app.bar.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code BAR-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. The
 * timestamp is the attempt's, so a receiver that refuses signatures older than five minutes still
 * takes a retry; {@code BAR-Event-Id} stays the same across retries for de-duplication.
 */
final class WebhookSignature {

    static final String HEADER = "BAR-Signature";
    static final String EVENT_ID_HEADER = "BAR-Event-Id";
    static final String EVENT_TYPE_HEADER = "BAR-Event-Type";

    private WebhookSignature() {
    }

    static String header(byte[] key, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(key, unixSeconds, body));
    }

    static byte[] hmac(byte[] key, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
