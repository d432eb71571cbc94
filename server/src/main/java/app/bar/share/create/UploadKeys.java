package app.bar.share.create;

import app.bar.crypto.DataKey;
import app.bar.crypto.KeySealer;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.share.ShareId;
import java.nio.charset.StandardCharsets;

/**
 * A file share's data key must be at hand for its upload, but a password share's stored key
 * needs the password, which the uploader does not send again. So until the upload completes
 * the key is also sealed under a key derived from the manage token (which the database holds
 * only as a different hash), and that copy is deleted when the upload completes.
 */
final class UploadKeys {

    private UploadKeys() {
    }

    static String seal(String manageToken, DataKey key, ShareId shareId) {
        return OpaqueTokens.base64Url(KeySealer.seal(kek(manageToken), key, context(shareId)));
    }

    static DataKey open(String manageToken, String sealed, ShareId shareId) {
        return KeySealer.open(kek(manageToken), OpaqueTokens.decodeBase64Url(sealed), context(shareId));
    }

    private static byte[] kek(String manageToken) {
        return OpaqueTokens.sha256(("bar-share-upload-key:v1:" + manageToken).getBytes(StandardCharsets.UTF_8));
    }

    private static String context(ShareId shareId) {
        return "bar-share-upload:v1:" + shareId.value();
    }
}
