package app.bar.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.JarProcess;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The production profile, run as operators run it (the jar in its own JVM): it refuses to
 * start unsafe (DESIGN.md §3, ASVS 13.2.3), names each problem on its own line, never prints a
 * value, and once configured logs JSON lines and sends HSTS.
 */
class ProductionStartupIT {

    private static final String KEY = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void prodWhenNothingSetThenExitsNonZeroNamingEveryMissingVariable() {
        try (JarProcess jar = JarProcess.start(dir, Map.of("BAR_PROFILE", "prod"))) {
            int code = jar.waitFor(Duration.ofSeconds(60));
            String out = jar.output();
            assertThat(code).as(out).isNotZero();
            for (String variable : List.of("BAR_DATABASE_URL", "BAR_REDIS_URL", "BAR_PUBLIC_URL", "BAR_ALLOWED_ORIGINS",
                    "BAR_TRUSTED_PROXIES", "BAR_JWT_KEYS", "BAR_MASTER_KEYS", "BAR_RECEIPT_KEYS", "BAR_SMTP_HOST", "BAR_MAIL_FROM",
                    "BAR_BLOB_DIR")) {
                assertThat(problemLines(out)).as(variable).anyMatch(line -> line.contains("variable=" + variable + " "));
            }
            assertThat(Files.exists(dir.resolve("data"))).as("nothing created before the checks pass").isFalse();
        }
    }

    @Test
    void prodWhenSecretTooShortThenRuleNamedAndValueNeverPrinted() {
        String shortSecret = "c2hvcnQtand0LXNlY3JldC12YWx1ZQ"; // 22 bytes
        String shortMaster = Base64.getUrlEncoder().withoutPadding().encodeToString("sixteen-byte-key".getBytes());
        Map<String, String> env = validProductionEnv();
        env.put("BAR_JWT_KEYS", "j1:" + shortSecret);
        env.put("BAR_MASTER_KEYS", "m1:" + shortMaster);
        env.put("BAR_DATABASE_PASSWORD", "db-password-never-printed");
        try (JarProcess jar = JarProcess.start(dir, env)) {
            int code = jar.waitFor(Duration.ofSeconds(60));
            String out = jar.output();
            assertThat(code).as(out).isNotZero();
            assertThat(problemLines(out)).anyMatch(l -> l.contains("variable=BAR_JWT_KEYS rule=\"entry 1 has a secret shorter than 32 bytes\""));
            assertThat(problemLines(out)).anyMatch(l -> l.contains("variable=BAR_MASTER_KEYS"));
            assertThat(out).doesNotContain(shortSecret, shortMaster, "db-password-never-printed");
        }
    }

    @Test
    void prodWhenUnsafeValuesThenEachRefused() {
        Map<String, String> env = validProductionEnv();
        env.put("BAR_ALLOWED_ORIGINS", "*");
        env.put("BAR_PUBLIC_URL", "http://bar.example.com");
        env.put("BAR_ERRORS_EXPOSE_DETAILS", "true");
        try (JarProcess jar = JarProcess.start(dir, env)) {
            assertThat(jar.waitFor(Duration.ofSeconds(60))).isNotZero();
            List<String> lines = problemLines(jar.output());
            assertThat(lines).anyMatch(l -> l.contains("BAR_ALLOWED_ORIGINS") && l.contains("wildcard"));
            assertThat(lines).anyMatch(l -> l.contains("BAR_PUBLIC_URL") && l.contains("https://"));
            assertThat(lines).anyMatch(l -> l.contains("BAR_ERRORS_EXPOSE_DETAILS"));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "bar.it.backend", matches = "external")
    void prodWhenFullyConfiguredThenServesWithJsonLogsHstsAndRedaction() throws Exception {
        int port = JarProcess.freePort();
        Map<String, String> env = validProductionEnv();
        env.put("BAR_PORT", Integer.toString(port));
        env.put("BAR_BIND_ADDRESS", "127.0.0.1");
        try (JarProcess jar = JarProcess.start(dir, env)) {
            TestHttp http = jar.awaitHealthy(port);
            var response = http.postJson("/api/does-not-exist", Map.of("password", "json-password-SECRET"),
                    "Authorization", "Bearer bearer-token-SECRET", "Cookie", "__Host-bar_access=cookie-SECRET");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(http.get("/healthz").headers().firstValue("Strict-Transport-Security")) // answered up front
                    .hasValue("max-age=31536000 ; includeSubDomains");
            jar.close();
            String out = jar.output();
            assertThat(out).doesNotContain("json-password-SECRET", "bearer-token-SECRET", "cookie-SECRET", KEY);
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(TestHttp.JSON.readTree(l).isObject()).isTrue());
            assertThat(lines).anyMatch(l -> l.contains("\"requestId\"") && l.contains("http.request"));
        }
    }

    /** Production logs are JSON lines: the problem lines are the messages that start with config.invalid. */
    private static List<String> problemLines(String out) {
        return out.lines().filter(l -> l.startsWith("{")).map(l -> {
            JsonNode node = TestHttp.JSON.readTree(l);
            return node.path("message").asString("");
        }).filter(m -> m.startsWith("config.invalid")).toList();
    }

    private Map<String, String> validProductionEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("BAR_PROFILE", "prod");
        env.put("BAR_DATABASE_URL", TestBackends.EXTERNAL ? TestBackends.properties().get("bar.database.url").toString()
                : "jdbc:postgresql://127.0.0.1:1/unused");
        env.put("BAR_REDIS_URL", TestBackends.EXTERNAL && TestBackends.redisUrl() != null ? TestBackends.redisUrl()
                : "redis://127.0.0.1:1");
        env.put("BAR_REDIS_NAMESPACE", "bar-prod-it-" + System.nanoTime());
        env.put("BAR_PUBLIC_URL", "https://bar.example.com");
        env.put("BAR_ALLOWED_ORIGINS", "https://bar.example.com");
        env.put("BAR_TRUSTED_PROXIES", "none");
        env.put("BAR_JWT_KEYS", "j1:" + KEY);
        env.put("BAR_MASTER_KEYS", "m1:" + KEY);
        env.put("BAR_RECEIPT_KEYS", "r1:" + KEY);
        env.put("BAR_SMTP_HOST", "127.0.0.1");
        env.put("BAR_SMTP_TLS", "smtps");
        env.put("BAR_MAIL_FROM", "BAR <bar@example.com>");
        env.put("BAR_BLOB_DIR", dir.resolve("blobs").toAbsolutePath().toString());
        return env;
    }
}
