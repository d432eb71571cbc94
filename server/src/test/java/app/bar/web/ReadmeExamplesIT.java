package app.bar.web;

import static app.bar.support.TestTools.Tool.CURL;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.JarProcess;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 16: the README's "Try it with curl" blocks, taken from the README as they are and
 * run in order by bash against the packaged jar on the embedded default (no public URL set, on a
 * port of the test's choosing: the links in the answers must follow it). Only the address
 * {@code http://localhost:8080} is replaced by the test server's. The personal token the last
 * block expects in {@code BAR_TOKEN} is made as a person would: the first admin, with the
 * {@code BAR_BOOTSTRAP_ADMIN_*} values the README's "Your first minutes" gives, signs in and
 * creates it (so those values stay valid too: the password must pass the strength rule).
 */
@RequiresTool(CURL)
class ReadmeExamplesIT {

    private static final Pattern README_ADMIN = Pattern.compile(
            "BAR_BOOTSTRAP_ADMIN_EMAIL=(\\S+) BAR_BOOTSTRAP_ADMIN_PASSWORD='([^']+)'");

    @TempDir
    Path dir;

    static List<String> curlBlocks(String readme) {
        int start = readme.indexOf("### Try it with curl");
        assertThat(start).as("the README's curl section").isNotNegative();
        int end = readme.indexOf("\n#", start + 1);
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void readmeCurlBlocksWhenRunInOrderThenEachWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> blocks = curlBlocks(readme);
        assertThat(blocks).hasSize(4);
        Matcher admin = README_ADMIN.matcher(readme);
        assertThat(admin.find()).as("the README's first-admin command").isTrue();
        int port = JarProcess.freePort();
        try (JarProcess jar = JarProcess.start(dir, Map.of("BAR_PORT", Integer.toString(port),
                "BAR_DATA_DIR", dir.resolve("data").toString(), "BAR_BOOTSTRAP_ADMIN_EMAIL", admin.group(1),
                "BAR_BOOTSTRAP_ADMIN_PASSWORD", admin.group(2)))) {
            TestHttp http = jar.awaitHealthy(port);
            String token = personalToken(http, admin.group(1), admin.group(2));
            String base = "http://localhost:" + port;
            String script = "set -euo pipefail\n" + String.join("\necho '--- next block'\n", blocks)
                    .replace("http://localhost:8080", base);
            Result run = bash(script, token);
            assertThat(run.exit).as(run.output).isZero();
            String[] outputs = run.output.split("--- next block\n");
            assertThat(outputs).hasSize(4);
            // 1: the text share, its link on the port actually bound (issue 13 item 12)
            assertThat(outputs[0]).contains("\"shareUrl\":\"" + base + "/s/").contains("\"manageToken\":\"bar_mt_");
            // 2: the public facts, then the secret itself
            assertThat(outputs[1]).contains("\"kind\":\"text\"").contains("\nthe vault code is 7419\n");
            // 3: the upload's answer and the link
            assertThat(outputs[2]).contains("\"size\":23").contains(base + "/s/");
            // 4: the token's share, then the owner's list holding it
            assertThat(outputs[3]).contains("\"shares\":[").contains("\"maxViews\":3");
            String id = outputs[0].replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(http.get("/api/shares/" + id).statusCode()).as("the text share after its one view").isEqualTo(404);
        }
    }

    private static String personalToken(TestHttp http, String email, String password) {
        HttpResponse<String> login = http.postJson("/api/auth/login", TestHttp.map("email", email, "password", password));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Map<String, String> cookies = app.bar.account.AccountFixtures.cookies(login);
        String csrf = cookies.get("bar_csrf");
        HttpResponse<String> created = http.postJson("/api/account/tokens",
                TestHttp.map("name", "readme", "scopes", List.of("shares:read", "shares:write")),
                "Cookie", "bar_access=" + cookies.get("bar_access") + "; bar_csrf=" + csrf, "X-CSRF-Token", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.json(created).get("token").asString();
    }

    private Result bash(String script, String token) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("BAR_TOKEN", token);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
