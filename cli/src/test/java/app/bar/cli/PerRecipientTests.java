package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.format.RecipientKeys;
import app.bar.format.ShareKeys;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code bar send --per-recipient}'s labels, keys and refusals here, before any request; and {@code bar open}'s unwrap. */
class PerRecipientTests {

    @TempDir
    Path dir;

    @Test
    void labelsWhenBlanksAndSpacesThenTrimmedInTheOrderGiven() {
        assertThat(PerRecipient.labels(List.of(" alice ", "", "bob"), "--recipients")).containsExactly("alice", "bob");
    }

    @Test
    void labelsWhenTheSameIgnoringCaseThenRefused() {
        assertThatThrownBy(() -> PerRecipient.labels(List.of("Straße", "bob", "STRASSE"), "--recipients"))
                .isInstanceOf(CliFailure.class).hasMessageContaining("given twice");
    }

    @Test
    void labelsWhenOneOrTwentyOneThenRefusedAndTwentyAccepted() {
        assertThatThrownBy(() -> PerRecipient.labels(List.of("solo"), "--recipients")).hasMessageContaining("2 to 20");
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "r" + i).toList();
        assertThat(PerRecipient.labels(twenty, "--recipients")).hasSize(20);
        List<String> more = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "r" + i).toList();
        assertThatThrownBy(() -> PerRecipient.labels(more, "--recipients")).hasMessageContaining("gave 21");
    }

    @Test
    void labelsWhenTooLongOrWithAControlCharacterThenRefused() {
        assertThatThrownBy(() -> PerRecipient.labels(List.of("x".repeat(101), "b"), "--recipients"))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> PerRecipient.labels(List.of("a\u202Eb", "b"), "--recipients"))
                .hasMessageContaining("control or formatting");
    }

    @Test
    void entriesWhenMadeThenEachLinkKeyPassesItsVerifierAndUnwrapsTheOneContentKey() throws Exception {
        try (PerRecipient group = PerRecipient.keys(List.of("a", "b", "c"))) {
            List<Map<String, Object>> entries = group.entries();
            JsonNode answer = answer(entries);
            List<PerRecipient.Link> links = group.links(answer);
            for (int i = 0; i < 3; i++) {
                byte[] linkKey = links.get(i).linkKey();
                assertThat(entries.get(i).get("linkVerifier")).isEqualTo(ShareKeys.derive(linkKey).linkVerifier());
                byte[] wrapped = Base64.getUrlDecoder().decode((String) entries.get(i).get("wrappedKey"));
                assertThat(RecipientKeys.unwrap(wrapped, linkKey)).isEqualTo(group.contentKey());
            }
            assertThat(links.stream().map(PerRecipient.Link::key).distinct()).hasSize(3);
        }
    }

    @Test
    void linksWhenTheServerIgnoredTheRecipientsThenFailed() throws Exception {
        try (PerRecipient group = PerRecipient.keys(List.of("a", "b"))) {
            JsonNode plain = Api.JSON.readTree("{\"id\":\"x\",\"shareUrl\":\"https://bar.example/s/x\",\"manageToken\":\"t\"}");
            assertThatThrownBy(() -> group.links(plain)).isInstanceOf(CliFailure.class).hasMessageContaining("one link per recipient");
        }
    }

    @Test
    void contentKeyWhenTheUnlockAnswerCarriesAWrappedKeyThenItIsUnwrappedWithTheLinkKey() throws Exception {
        byte[] contentKey = RecipientKeys.newContentKey();
        byte[] linkKey = ShareKeys.newLinkKey();
        JsonNode ticket = Api.JSON.readTree("{\"ticket\":\"t\",\"wrappedKey\":\""
                + ShareLink.encodeKey(RecipientKeys.wrap(contentKey, linkKey)) + "\"}");
        assertThat(OpenCommand.contentKey(ticket, ShareKeys.derive(linkKey), linkKey)).isEqualTo(contentKey);
    }

    @Test
    void contentKeyWhenTheWrappedKeyDoesNotOpenWithTheLinkKeyThenFailedBeforeTheContent() throws Exception {
        byte[] linkKey = ShareKeys.newLinkKey();
        JsonNode ticket = Api.JSON.readTree("{\"ticket\":\"t\",\"wrappedKey\":\""
                + ShareLink.encodeKey(RecipientKeys.wrap(RecipientKeys.newContentKey(), ShareKeys.newLinkKey())) + "\"}");
        assertThatThrownBy(() -> OpenCommand.contentKey(ticket, ShareKeys.derive(linkKey), linkKey))
                .isInstanceOf(CliFailure.class).hasMessageContaining("no view was used");
    }

    @Test
    void contentKeyWhenNoWrappedKeyThenTheLinkKeysOwn() throws Exception {
        byte[] linkKey = ShareKeys.newLinkKey();
        ShareKeys keys = ShareKeys.derive(linkKey);
        assertThat(OpenCommand.contentKey(Api.JSON.readTree("{\"ticket\":\"t\"}"), keys, linkKey)).isEqualTo(keys.contentKey());
    }

    @Test
    void sendWhenRecipientsWithoutPerRecipientThenUsageBeforeAnyRequest() {
        TestIo io = new TestIo(dir.resolve("config")).env("BAR_SERVER", "http://127.0.0.1:9").stdin("x");
        assertThat(io.run("send", "--text", "--recipients", "a,b")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("add --per-recipient");
    }

    @Test
    void sendWhenPerRecipientWithoutRecipientsThenUsage() {
        TestIo io = new TestIo(dir.resolve("config")).env("BAR_SERVER", "http://127.0.0.1:9").stdin("x");
        assertThat(io.run("send", "--text", "--per-recipient")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--per-recipient needs its recipients");
    }

    @Test
    void sendWhenPerRecipientWithOtpOrServerModeThenUsage() {
        TestIo io = new TestIo(dir.resolve("config")).env("BAR_SERVER", "http://127.0.0.1:9").stdin("x");
        assertThat(io.run("send", "--text", "--per-recipient", "--recipients", "a,b", "--otp", "a@example.com"))
                .isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("cannot go with --otp");
        TestIo again = new TestIo(dir.resolve("config")).env("BAR_SERVER", "http://127.0.0.1:9").stdin("x");
        assertThat(again.run("send", "--text", "--per-recipient", "--recipients", "a,b", "--server-mode")).isEqualTo(Exit.USAGE);
        assertThat(again.err()).contains("cannot go with --server-mode");
    }

    private static JsonNode answer(List<Map<String, Object>> entries) {
        StringBuilder json = new StringBuilder("{\"id\":\"m0\",\"manageToken\":\"t0\",\"shareUrl\":\"https://bar.example/s/m0\",\"recipients\":[");
        for (int i = 0; i < entries.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i).append("\",\"label\":\"").append(entries.get(i).get("label"))
                    .append("\",\"shareUrl\":\"https://bar.example/s/m").append(i).append("\",\"manageToken\":\"t").append(i)
                    .append("\"}");
        }
        return Api.JSON.readTree(json.append("]}").toString());
    }
}
