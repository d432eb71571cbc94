package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar send --to} (issue 18 item 5) against the real server jar: the link mailed through the
 * dev outbox without its key, the key printed for another channel, and the refusals that leave
 * nothing shared.
 */
@ExtendWith(WithServer.class)
class CliMailIT {

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

    @Test
    void sendWhenToTwoAddressesThenEachMailHasTheLinkWithoutItsKeyAndTheKeyIsPrintedApart() {
        login();
        Cli.Result sent = bar.run("the safe opens with 31-7-22", "send", "--text", "--json",
                "--to", "mail-a@example.com,mail-b@example.com", "--note", "from the vault runbook");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        JsonNode out = Api.JSON.readTree(sent.stdout());
        String id = out.path("id").asString();
        String key = out.path("key").asString();
        assertThat(out.path("mailed").asInt()).isEqualTo(2);
        assertThat(out.path("link").asString()).endsWith("/s/" + id).doesNotContain("#");
        assertThat(key).hasSize(43);

        for (String to : new String[] {"mail-a@example.com", "mail-b@example.com"}) {
            String mail = server.awaitMailTo(to);
            assertThat(mail).contains("/s/" + id).contains("from the vault runbook").doesNotContain(key).doesNotContain(id + "#");
        }
        Cli.Result opened = bar.run("", "open", out.path("link").asString() + "#" + key);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("the safe opens with 31-7-22");
    }

    @Test
    void sendWhenToThenTheSecondLineIsTheKeyAndStderrSaysToPassItOnAnotherWay() {
        login();
        Cli.Result sent = bar.run("pin 4321", "send", "--text", "--to", "mail-c@example.com");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.stdout().lines()).hasSize(2);
        assertThat(sent.firstLine()).doesNotContain("#");
        assertThat(sent.stderr()).contains("Mailed the link to 1 address without its key").contains("another way");
        String mail = server.awaitMailTo("mail-c@example.com");
        assertThat(mail).doesNotContain(sent.stdout().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void sendWhenToAndAnonymousThenExit4AndNothingCreatedOrMailed() {
        Cli.Result sent = bar.run("never", "send", "--text", "--to", "mail-anon@example.com");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.DENIED);
        assertThat(sent.stderr()).contains("bar login").contains("nothing was shared");
        assertThat(sent.stdout()).isEmpty();
        assertThat(server.hasMailTo("mail-anon@example.com")).isFalse();
    }

    @Test
    void sendWhenToHasANameAndAddressThenExit2BeforeAnyShareExists() {
        login();
        int before = Api.JSON.readTree(bar.run("", "list", "--json").stdout()).path("shares").size();
        Cli.Result sent = bar.run("never", "send", "--text", "--to", "Bob <mail-bob@example.com>");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("not one plain address").contains("nothing was shared");
        assertThat(Api.JSON.readTree(bar.run("", "list", "--json").stdout()).path("shares").size()).isEqualTo(before);
    }

    @Test
    void sendWhenNoteWithoutToThenExit2() {
        Cli.Result sent = bar.run("never", "send", "--text", "--note", "hello");
        assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.USAGE);
        assertThat(sent.stderr()).contains("--note goes with --to");
    }
}
