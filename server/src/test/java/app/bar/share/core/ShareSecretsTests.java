package app.bar.share.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import app.bar.platform.secrets.OpaqueTokens;
import org.junit.jupiter.api.Test;

class ShareSecretsTests {

    private static final SealedKey KEY = new SealedKey("mk-1", "c2VhbGVkLWtleQ", true);
    private static final KdfParams KDF = new KdfParams(19456, 2, 1, "c2FsdC1zYWx0LXNhbHQ");

    @Test
    void decodeWhenEncodedThenEveryFieldComesBack() {
        ShareSecrets secrets = new ShareSecrets(KEY, KDF, "verifier", "link-verifier", "name ünïcode.txt", InlineContent.whole(new byte[] {1, 2, 3}), null);
        assertThat(ShareSecrets.decode(secrets.encode())).isEqualTo(secrets);
    }

    @Test
    void decodeWhenTextWasSealedAsAStreamThenItStaysOne() {
        String streamed = OpaqueTokens.base64Url(new byte[] {9, 8, 7, 6});
        ShareSecrets decoded = ShareSecrets.decode(new ShareSecrets(KEY, null, null, null, null, streamed, null).encode());
        assertThat(decoded.inline()).isEqualTo(streamed);
        assertThat(decoded.kdf()).isNull();
        assertThat(decoded.filename()).isNull();
    }

    @Test
    void decodeWhenARecipientsWrappedKeyIsKeptThenItComesBack() {
        ShareSecrets secrets = new ShareSecrets(KEY, null, null, "link-verifier", null, null, "d3JhcHBlZC1rZXk");
        assertThat(ShareSecrets.decode(secrets.encode())).isEqualTo(secrets);
    }

    @Test
    void encodeWhenNoRecipientKeyThenVersionOneAsBefore() {
        // a node that knows version 1 only still reads every blob but a per-recipient link's
        assertThat(new ShareSecrets(KEY, null, null, null, null, null, null).encode()[4]).isEqualTo((byte) 1);
        assertThat(new ShareSecrets(KEY, null, null, null, null, null, "d3JhcHBlZA").encode()[4]).isEqualTo((byte) 2);
    }

    @Test
    void decodeWhenNotASecretsBlobThenRefused() {
        assertThatThrownBy(() -> ShareSecrets.decode(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenPrintedThenNoKeyNameOrContent() {
        String printed = new ShareSecrets(KEY, KDF, "verifier", "link-verifier", "secret-name.txt", "w1.abc", "d3JhcHBlZA").toString();
        assertThat(printed).doesNotContain("c2VhbGVk", "secret-name", "verifier", "abc", "d3JhcHBlZA");
    }
}
