package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"eventId\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerWhenKnownSecretAndBodyThenMatchesIndependentHmac() {
        // python3: hmac.new(b'bar_whs_test-secret', b'1700000000.' + body, hashlib.sha256).hexdigest()
        String header = WebhookSignature.header("bar_whs_test-secret".getBytes(StandardCharsets.US_ASCII), 1700000000L, BODY);
        assertThat(header).isEqualTo("t=1700000000,v1=36fb66283e88b23b1add87c0afed08e4e6fe11a7519c4ee81ff59daa4c721c8c");
    }

    @Test
    void verifyWhenBodyOrSecretOrTimeDiffersThenRefused() {
        Instant now = Instant.ofEpochSecond(1700000000L);
        String header = WebhookSignature.header("bar_whs_s".getBytes(StandardCharsets.US_ASCII), now.getEpochSecond(), BODY);
        assertThat(ReceiverSignatures.verify("bar_whs_s", header, BODY, now)).isTrue();
        assertThat(ReceiverSignatures.verify("bar_whs_other", header, BODY, now)).isFalse();
        assertThat(ReceiverSignatures.verify("bar_whs_s", header, "{}".getBytes(StandardCharsets.UTF_8), now)).isFalse();
        assertThat(ReceiverSignatures.verify("bar_whs_s", header, BODY, now.plusSeconds(301))).as("replay").isFalse();
    }
}
