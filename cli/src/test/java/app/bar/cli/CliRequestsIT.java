package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.format.BarContainer;
import app.bar.format.RequestKeys;
import app.bar.format.ShareKeys;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar request} (issue 18 item 5) against the real server jar: a request made, filled and
 * opened by the CLI; a CLI-made request answered the way docs/zero-knowledge-format.md
 * ("Requests") says, and its answer opened with the link key the format derives; and the refusals.
 */
@ExtendWith(WithServer.class)
class CliRequestsIT {

    private static TestServer server;

    @TempDir
    Path dir;

    /** The requester, signed in. */
    private Cli requester;
    /** The person asked: no account, a config directory of their own. */
    private Cli filler;

    @BeforeAll
    static void startServer(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void setUp() {
        requester = new Cli(server.base(), dir.resolve("requester"));
        filler = new Cli(server.base(), dir.resolve("filler"));
        Cli.Result login = requester.run(TestServer.ADMIN_PASSWORD + "\n", "login", "--email", TestServer.ADMIN_EMAIL,
                "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    private JsonNode newRequest(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "request";
        args[1] = "new";
        args[2] = "--json";
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Result made = requester.run("", args);
        assertThat(made.exitCode()).as(made.toString()).isZero();
        return Api.JSON.readTree(made.stdout());
    }

    @Test
    void requestWhenMadeFilledAndOpenedByTheCliThenTheAnswerReadsBackOnce() {
        JsonNode made = newRequest("--note", "the staging DB password, please");
        String requestLink = made.path("requestLink").asString();
        String openLink = made.path("openLink").asString();
        assertThat(requestLink).matches(".*/r/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{87}");
        assertThat(openLink).matches(".*/r/[A-Za-z0-9_-]+/open#[A-Za-z0-9_-]{130}");

        Cli.Result filled = filler.run("hunter2-staging\n", "request", "fill", requestLink);
        assertThat(filled.exitCode()).as(filled.toString()).isZero();
        assertThat(filled.stderr()).contains("the staging DB password, please");

        Cli.Result opened = requester.run("", "request", "open", openLink);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("hunter2-staging\n");

        Cli.Result again = requester.run("", "request", "open", openLink);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(Exit.GONE);
        Cli.Result refilled = filler.run("another\n", "request", "fill", requestLink);
        assertThat(refilled.exitCode()).as(refilled.toString()).isEqualTo(Exit.GONE);
        Cli.Result list = requester.run("", "request", "list");
        assertThat(list.stdout()).contains(made.path("id").asString()).contains("fulfilled");
    }

    @Test
    void requestWhenMadeByTheCliThenTheFormatsFillerKeyOpensTheAnswerAndSoDoesTheOpenLink() throws Exception {
        JsonNode made = newRequest("--views", "2");
        String requestLink = made.path("requestLink").asString();
        String id = made.path("id").asString();
        byte[] requesterPublic = Base64.getUrlDecoder().decode(requestLink.substring(requestLink.indexOf('#') + 1));
        byte[] openKey = Base64.getUrlDecoder().decode(made.path("openLink").asString().substring(
                made.path("openLink").asString().indexOf('#') + 1));
        // the open link carries d || P of the request link's P (docs/zero-knowledge-format.md, "Requests")
        assertThat(Arrays.copyOfRange(openKey, RequestKeys.PRIVATE_KEY_BYTES, openKey.length)).isEqualTo(requesterPublic);

        // answer it as the browser's request.mjs does, from the format alone
        byte[] ephemeral = RequestKeys.newKeyPair();
        byte[] ephemeralPublic = Arrays.copyOfRange(ephemeral, RequestKeys.PRIVATE_KEY_BYTES, ephemeral.length);
        byte[] linkKey = RequestKeys.fillerLinkKey(Arrays.copyOfRange(ephemeral, 0, RequestKeys.PRIVATE_KEY_BYTES),
                ephemeralPublic, requesterPublic);
        ShareKeys keys = ShareKeys.derive(linkKey);
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        try (OutputStream sealed = BarContainer.seal(container, keys.contentKey(), false)) {
            BarContainer.writeMetadata(sealed, "{\"type\":\"text/plain;charset=utf-8\"}");
            sealed.write("format-sealed answer".getBytes(StandardCharsets.UTF_8));
        }
        String body = Api.JSON.writeValueAsString(Map.of("ephemeralPublic", enc(ephemeralPublic),
                "linkVerifier", keys.linkVerifier(), "text", enc(container.toByteArray())));
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/requests/" + id + "/fulfil")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);

        String shareId = null;
        for (JsonNode request : Api.JSON.readTree(requester.run("", "request", "list", "--json").stdout())) {
            if (request.path("id").asString().equals(id)) {
                shareId = request.path("shareId").asString();
            }
        }
        // the share opens under the filler's link key as any share does ...
        Cli.Result byFormat = filler.run("", "open", server.base() + "/s/" + shareId + "#" + enc(linkKey));
        assertThat(byFormat.exitCode()).as(byFormat.toString()).isZero();
        assertThat(byFormat.stdout()).isEqualTo("format-sealed answer");
        // ... and the CLI's open link derives the same key
        Cli.Result byOpenLink = requester.run("", "request", "open", made.path("openLink").asString());
        assertThat(byOpenLink.exitCode()).as(byOpenLink.toString()).isZero();
        assertThat(byOpenLink.stdout()).isEqualTo("format-sealed answer");
    }

    @Test
    void fillWhenRequestHasAPasswordThenWrongOneIsExit4NamingTriesLeftAndRightOneAnswers() {
        requester.env("REQUEST_PASSWORD", "amber-lynx-42");
        JsonNode made = newRequest("--password-env", "REQUEST_PASSWORD");
        String requestLink = made.path("requestLink").asString();
        // no terminal and no password option: refused before anything is sent
        Cli.Result none = filler.run("x\n", "request", "fill", requestLink);
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(Exit.USAGE);

        Cli.Result wrong = filler.env("REQUEST_PASSWORD", "not it").run("x\n", "request", "fill", requestLink,
                "--password-env", "REQUEST_PASSWORD");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(Exit.DENIED);
        assertThat(wrong.stderr()).contains("wrong password for this request").contains("tries left");
        sleepPastTheGuardsWait();

        Cli.Result right = filler.env("REQUEST_PASSWORD", "amber-lynx-42").run("the answer\n", "request", "fill", requestLink,
                "--password-env", "REQUEST_PASSWORD");
        assertThat(right.exitCode()).as(right.toString()).isZero();
        Cli.Result opened = requester.run("", "request", "open", made.path("openLink").asString());
        assertThat(opened.stdout()).isEqualTo("the answer\n");
    }

    @Test
    void openWhenNotAnsweredYetThenExit5AndAfterDeleteTheRequestLinkIsGone() {
        JsonNode made = newRequest("--note", "later");
        Cli.Result early = requester.run("", "request", "open", made.path("openLink").asString());
        assertThat(early.exitCode()).as(early.toString()).isEqualTo(Exit.WAIT);
        assertThat(early.stderr()).contains("not answered yet");

        Cli.Result deleted = requester.run("", "request", "delete", made.path("id").asString());
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        Cli.Result fill = filler.run("too late\n", "request", "fill", made.path("requestLink").asString());
        assertThat(fill.exitCode()).as(fill.toString()).isEqualTo(Exit.GONE);
        assertThat(requester.run("", "request", "delete", made.path("id").asString()).exitCode()).isEqualTo(Exit.GONE);
    }

    @Test
    void newWhenAnonymousThenExit4AndFillWhenGivenTheOpenLinkThenExit2() {
        Cli.Result anonymous = filler.run("", "request", "new", "--note", "x");
        assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(Exit.DENIED);
        assertThat(anonymous.stderr()).contains("bar login");

        JsonNode made = newRequest();
        Cli.Result wrongLink = filler.run("x\n", "request", "fill", made.path("openLink").asString());
        assertThat(wrongLink.exitCode()).as(wrongLink.toString()).isEqualTo(Exit.USAGE);
        assertThat(wrongLink.stderr()).contains("this is the open link");
    }

    private static String enc(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A wrong request password makes the next try wait 1 s (the shares' brute-force guard); a try before is refused 429. */
    private static void sleepPastTheGuardsWait() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
