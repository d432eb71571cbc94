package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar verify-receipt} in-process: a receipt verifies with the published key of its kid
 * (also one rotated out of signing), and fails — exit 7 — when a member was changed, added or
 * repeated, or its key is not published.
 */
class VerifyReceiptCommandTests {

    @TempDir
    Path dir;

    private FakeServer server;
    private Ed25519Sign.KeyPair current;
    private Ed25519Sign.KeyPair rotatedOut;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeServer();
        current = Ed25519Sign.KeyPair.newKeyPair();
        rotatedOut = Ed25519Sign.KeyPair.newKeyPair();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestIo io() {
        return new TestIo(dir.resolve("config")).env("BAR_SERVER", server.base());
    }

    private static Map<String, Object> members(String kid) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("type", "bar.destruction-receipt");
        receipt.put("version", 1);
        receipt.put("issuer", "https://bar.example.test");
        receipt.put("shareId", "Qx3l9Zt0RkWm2vB8yC1aDg");
        receipt.put("createdAt", "2026-12-04T17:05:09Z");
        receipt.put("destroyedAt", "2026-12-04T17:09:41Z");
        receipt.put("reason", "views_used");
        receipt.put("viewsUsed", 1);
        receipt.put("kid", kid);
        return receipt;
    }

    /** Signs {@code receipt}'s canonical form as the server does and answers the receipt's JSON. */
    private static String signed(Map<String, Object> receipt, Ed25519Sign.KeyPair key) throws Exception {
        JsonNode node = Api.JSON.valueToTree(receipt);
        byte[] signature = new Ed25519Sign(key.getPrivateKey()).sign(ReceiptVerifier.canonicalWithoutSignature(node));
        Map<String, Object> withSignature = new LinkedHashMap<>(receipt);
        withSignature.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        return Api.JSON.writeValueAsString(withSignature);
    }

    private String keySet() {
        return "{\"issuer\":\"https://bar.example.test\",\"keys\":[" + jwk("rk-current", current) + ","
                + jwk("rk-old", rotatedOut) + "]}";
    }

    private static String jwk(String kid, Ed25519Sign.KeyPair key) {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getPublicKey()) + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}";
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** One run of the command: its exit code and streams. */
    private record Run(int exit, TestIo io) {
        String out() {
            return io.out();
        }

        String err() {
            return io.err();
        }
    }

    private Run verify(String receipt) throws Exception {
        TestIo io = io();
        int exit = io.run("verify-receipt", file("receipt.json", receipt).toString(), "--keys",
                file("keys.json", keySet()).toString());
        return new Run(exit, io);
    }

    @Test
    void verifyWhenSignedByAPublishedKeyThenValidAndSaysWhatItCertifies() throws Exception {
        Run run = verify(signed(members("rk-current"), current));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("valid: share Qx3l9Zt0RkWm2vB8yC1aDg destroyed 2026-12-04T17:09:41Z (views_used)")
                .contains("signed by key rk-current of https://bar.example.test");
    }

    /** docs/shares.md's test vector, which the server's ReceiptKeysTests signs: both sides read one form. */
    @Test
    void verifyWhenDocumentedVectorThenValid() throws Exception {
        String receipt = "{\"createdAt\":\"2026-12-04T17:05:09Z\",\"destroyedAt\":\"2026-12-04T17:09:41Z\","
                + "\"issuer\":\"https://bar.example.com\",\"kid\":\"rk-vector\",\"reason\":\"views_used\","
                + "\"shareId\":\"Qx3l9Zt0RkWm2vB8yC1aDg\",\"signature\":\"NGQcGWfDruxwBvwoapI3WHLQ2nxJ-KKu9DQkmk7xGKMBUuD9SzD1Y25PTfF2Lmqds7yt-xYsNy1jm8_VfLZlCQ\","
                + "\"type\":\"bar.destruction-receipt\",\"version\":1,\"viewsUsed\":1}";
        String keys = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"rk-vector\",\"x\":\"A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg\"}]}";
        Path keyFile = file("k.json", keys);
        TestIo valid = io();
        assertThat(valid.run("verify-receipt", file("v.json", receipt).toString(), "--keys", keyFile.toString()))
                .as(valid.err()).isZero();
        TestIo altered = io();
        assertThat(altered.run("verify-receipt", file("w.json", receipt.replace("\"viewsUsed\":1", "\"viewsUsed\":2"))
                .toString(), "--keys", keyFile.toString())).isEqualTo(Exit.INVALID);
    }

    @Test
    void verifyWhenSignedByKeyRotatedOutButStillPublishedThenValid() throws Exception {
        Run run = verify(signed(members("rk-old"), rotatedOut));
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void verifyWhenAMemberWasChangedThenExit7() throws Exception {
        String receipt = signed(members("rk-current"), current);
        Run run = verify(receipt.replace("\"views_used\"", "\"expired\""));
        assertThat(run.exit()).isEqualTo(Exit.INVALID);
        assertThat(run.err()).startsWith("bar: the signature does not verify").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verifyWhenAMemberWasAddedThenExit7() throws Exception {
        String receipt = signed(members("rk-current"), current);
        assertThat(verify(receipt.replace("{", "{\"note\":\"added later\",")).exit()).isEqualTo(Exit.INVALID);
    }

    /** Two parsers may read two receipts from a repeated name: it is refused, not "last one wins". */
    @Test
    void verifyWhenAMemberIsRepeatedThenExit7() throws Exception {
        String receipt = signed(members("rk-current"), current);
        Run run = verify(receipt.replace("{", "{\"reason\":\"expired\","));
        assertThat(run.exit()).isEqualTo(Exit.INVALID);
        assertThat(run.err()).contains("repeats a member name");
    }

    @Test
    void verifyWhenSignedWithAnotherKeyUnderAPublishedKidThenExit7() throws Exception {
        Run run = verify(signed(members("rk-current"), Ed25519Sign.KeyPair.newKeyPair()));
        assertThat(run.exit()).isEqualTo(Exit.INVALID);
    }

    @Test
    void verifyWhenKidNotPublishedThenExit7NamingIt() throws Exception {
        Run run = verify(signed(members("rk-gone"), current));
        assertThat(run.exit()).isEqualTo(Exit.INVALID);
        assertThat(run.err()).contains("no published key has the receipt's kid rk-gone");
    }

    @Test
    void verifyWhenNoKeysGivenThenFetchedFromTheServersWellKnownAddress() throws Exception {
        server.on("GET /.well-known/bar-receipt-keys", 200, keySet());
        TestIo io = io().stdin(signed(members("rk-current"), current));
        assertThat(io.run("verify-receipt", "-")).as(io.err()).isZero();
        assertThat(server.received("GET /.well-known/bar-receipt-keys")).isTrue();
    }

    @Test
    void verifyWhenKeysUrlIsAServerAddressThenWellKnownPathAdded() throws Exception {
        server.on("GET /.well-known/bar-receipt-keys", 200, keySet());
        TestIo io = io();
        Path receipt = file("r.json", signed(members("rk-current"), current));
        assertThat(io.run("verify-receipt", receipt.toString(), "--keys", server.base())).as(io.err()).isZero();
    }
}
