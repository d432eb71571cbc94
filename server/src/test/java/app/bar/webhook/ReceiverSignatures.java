package app.bar.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver checks {@code BAR-Signature}, written the way the README tells receivers to, apart
 * from the server's own code: parse {@code t} and {@code v1}, HMAC-SHA256 over {@code t + "." + body}
 * with the secret as given, compare in constant time, refuse timestamps more than five minutes off.
 */
final class ReceiverSignatures {

    private ReceiverSignatures() {
    }

    static boolean verify(String secret, String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("t")) {
                t = kv[1].strip();
            } else if (kv.length == 2 && kv[0].strip().equals("v1")) {
                v1 = kv[1].strip();
            }
        }
        if (t == null || v1 == null || !t.matches("\\d{1,12}")) {
            return false;
        }
        long timestamp = Long.parseLong(t);
        if (Math.abs(now.getEpochSecond() - timestamp) > 300) {
            return false; // a replay, or a clock far off
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(v1);
            return MessageDigest.isEqual(expected, given);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
