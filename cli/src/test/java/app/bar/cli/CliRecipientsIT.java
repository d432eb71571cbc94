package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar send --per-recipient} (issue 18 item 5) against the real server jar: one content,
 * one link per recipient, each opened by {@code bar open} (which unwraps the content key from
 * its unlock answer), revoked one by one, mailed without keys, and the refusals that leave
 * nothing shared.
 */
@ExtendWith(WithServer.class)
class CliRecipientsIT {

    private static TestServer server;

    @TempDir
    Path dir;

    private Cli bar;

    @BeforeAll
    static void startServer(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void setUp() {
        bar = new Cli(server.base(), dir.resolve("config"));
    }

    private void login() {
        Cli.Result login = bar.run(TestServer.ADMIN_PASSWORD + "\n", "login", "--email", TestServer.ADMIN_EMAIL, "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    private JsonNode sendJson(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("send", "--json"));
        command.addAll(List.of(args));
        Cli.Result sent = bar.run(stdin, command.toArray(String[]::new));
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        return Api.JSON.readTree(sent.stdout());
    }

    private int shareCount() {
        return Api.JSON.readTree(bar.run("", "list", "--json").stdout()).path("shares").size();
    }

    @Test
    void sendPerRecipientWhenThreeRecipientsThenEachLinkOpensTheTextWithItsOwnKeyAndId() {
        login();
        JsonNode out = sendJson("the vault code is 55-12-9", "--text", "--per-recipient", "--recipients", "alice,bob,carol");
        List<JsonNode> links = new ArrayList<>();
        out.path("links").forEach(links::add);
        assertThat(links).extracting(l -> l.path("label").asString()).containsExactly("alice", "bob", "carol");
        assertThat(links.stream().map(l -> l.path("id").asString()).distinct()).hasSize(3);
        assertThat(links.stream().map(l -> l.path("link").asString()).map(l -> l.substring(l.indexOf('#'))).distinct())
                .as("each link its own key").hasSize(3);
        assertThat(out.path("groupId").asString()).isEqualTo(links.get(0).path("id").asString());
        for (JsonNode link : links) {
            Cli.Result opened = bar.run("", "open", link.path("link").asString());
            assertThat(opened.exitCode()).as(opened.toString()).isZero();
            assertThat(opened.stdout()).isEqualTo("the vault code is 55-12-9");
        }
    }

    @Test
    void sendPerRecipientWhenAFileThenEachLinkSavesTheSameBytes() throws Exception {
        login();
        byte[] bytes = new byte[300_000];
        new Random(18).nextBytes(bytes);
        Path file = dir.resolve("plan.bin");
        Files.write(file, bytes);
        JsonNode out = sendJson("", file.toString(), "--per-recipient", "--recipients", "ops,dev,sec");
        int i = 0;
        for (JsonNode link : out.path("links")) {
            Path target = dir.resolve("got-" + i++ + ".bin");
            Cli.Result opened = bar.run("", "open", link.path("link").asString(), "-o", target.toString());
            assertThat(opened.exitCode()).as(opened.toString()).isZero();
            assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        }
    }

    @Test
    void sendPerRecipientWhenOneLinkIsBurnedThenItIsGoneAndTheOtherTwoStillOpen() {
        login();
        JsonNode links = sendJson("shared once", "--text", "--per-recipient", "--recipients", "ann,ben,cy").path("links");
        Cli.Result burned = bar.run("", "burn", links.get(1).path("manageLink").asString());
        assertThat(burned.exitCode()).as(burned.toString()).isZero();

        Cli.Result revoked = bar.run("", "open", links.get(1).path("link").asString());
        assertThat(revoked.exitCode()).as(revoked.toString()).isEqualTo(Exit.GONE);
        for (int i : new int[] {0, 2}) {
            Cli.Result opened = bar.run("", "open", links.get(i).path("link").asString());
            assertThat(opened.exitCode()).as(opened.toString()).isZero();
            assertThat(opened.stdout()).isEqualTo("shared once");
        }
    }

    @Test
    void sendPerRecipientWhenToThenEachAddressIsMailedItsOwnLinkWithoutAnyKeyAndTheKeysArePrinted() {
        login();
        List<String> to = List.of("recip-a@example.com", "recip-b@example.com", "recip-c@example.com");
        Cli.Result sent = bar.run("door code 8080", "send", "--text", "--per-recipient", "--to", String.join(",", to),
                "--note", "for the night shift");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        List<String[]> lines = sent.stdout().lines().map(l -> l.split("\t")).toList();
        assertThat(lines).hasSize(3);
        assertThat(sent.stderr()).contains("without its key");
        List<String> keys = lines.stream().map(l -> l[2]).toList();
        for (int i = 0; i < 3; i++) {
            String[] line = lines.get(i);
            assertThat(line[0]).isEqualTo(to.get(i));
            assertThat(line[1]).doesNotContain("#");
            String id = line[1].substring(line[1].lastIndexOf('/') + 1);
            String mail = server.awaitMailTo(to.get(i));
            assertThat(mail).contains("/s/" + id).contains("for the night shift").doesNotContain(id + "#");
            for (String key : keys) {
                assertThat(mail).as("no recipient's key in a mail").doesNotContain(key);
            }
            Cli.Result opened = bar.run("", "open", line[1] + "#" + line[2]);
            assertThat(opened.exitCode()).as(opened.toString()).isZero();
            assertThat(opened.stdout()).isEqualTo("door code 8080");
        }
    }

    @Test
    void sendPerRecipientWhenAnonymousThenExit4AndNothingMailed() {
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--to", "anon-a@example.com,anon-b@example.com");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.DENIED);
        assertThat(sent.stderr()).contains("sign in first").contains("nothing was shared");
        assertThat(sent.stdout()).isEmpty();
        assertThat(server.hasMailTo("anon-a@example.com")).isFalse();
    }

    @Test
    void sendPerRecipientWhenAPasswordThenExit2BeforeAnyShareExists() {
        login();
        int before = shareCount();
        Path secret = dir.resolve("pw.txt");
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--recipients", "a,b", "--password-file",
                writeQuietly(secret, "hunter2\n").toString());
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("--per-recipient cannot go with a password");
        assertThat(shareCount()).isEqualTo(before);
    }

    @Test
    void sendPerRecipientWhenOneRecipientThenExit2BeforeAnyShareExists() {
        login();
        int before = shareCount();
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--recipients", "solo");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("2 to 20 links").contains("gave 1");
        assertThat(shareCount()).isEqualTo(before);
    }

    @Test
    void sendPerRecipientWhenTwentyOneRecipientsThenExit2() {
        login();
        String many = IntStream.rangeClosed(1, 21).mapToObj(i -> "r" + i).collect(Collectors.joining(","));
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--recipients", many);
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("2 to 20 links").contains("gave 21");
    }

    @Test
    void sendPerRecipientWhenTwoLabelsDifferOnlyByCaseThenExit2() {
        login();
        int before = shareCount();
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--recipients", "Alice,bob,alice");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("'alice' is given twice");
        assertThat(shareCount()).isEqualTo(before);
    }

    @Test
    void sendPerRecipientWhenTheSameAddressTwiceThenExit2AndNothingMailed() {
        login();
        Cli.Result sent = bar.run("never", "send", "--text", "--per-recipient", "--to", "twice@example.com,TWICE@example.com");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("given twice");
        assertThat(server.hasMailTo("twice@example.com")).isFalse();
    }

    private static Path writeQuietly(Path path, String text) {
        try {
            return Files.writeString(path, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
