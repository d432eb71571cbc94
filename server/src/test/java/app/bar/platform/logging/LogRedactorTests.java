package app.bar.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ASVS 16.2.5 / Logging cheat sheet: no secret in a log line; emails and IPs shortened; 16.4.1 no forged lines. */
class LogRedactorTests {

    @Test
    void redactWhenJsonPasswordFieldThenValueMasked() {
        String line = LogRedactor.redact("body {\"email\":\"a@b.io\",\"password\":\"hunter2-correct-horse\"}");
        assertThat(line).doesNotContain("hunter2-correct-horse").contains("\"password\":\"***");
    }

    @Test
    void redactWhenKeyValueSecretsThenValuesMasked() {
        String line = LogRedactor.redact("token=abc123def manageToken=zzz999 otp=123456 X-CSRF-Token: c5rf-v4lue api_key=k3y");
        assertThat(line).doesNotContain("abc123def", "zzz999", "123456", "c5rf-v4lue", "k3y");
    }

    @Test
    void redactWhenBearerHeaderThenTokenMasked() {
        assertThat(LogRedactor.redact("Authorization: Bearer s3cr3t.t0ken.value"))
                .doesNotContain("s3cr3t.t0ken.value");
        assertThat(LogRedactor.redact("headers=[bearer opaque-token-123]")).doesNotContain("opaque-token-123");
    }

    @Test
    void redactWhenJwtAnywhereThenMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
        assertThat(LogRedactor.redact("got " + jwt + " in a message")).doesNotContain(jwt);
    }

    @Test
    void redactWhenCookieHeaderThenValuesMasked() {
        String line = LogRedactor.redact("cookie: __Host-bar_access=abc.def.ghi; bar_csrf=xyz");
        assertThat(line).doesNotContain("abc.def.ghi").doesNotContain("xyz");
    }

    @Test
    void redactWhenEmailThenFirstLetterAndDomainKept() {
        assertThat(LogRedactor.redact("user john.doe+bar@example.com signed in"))
                .isEqualTo("user j***@example.com signed in");
    }

    @Test
    void redactWhenIpv4ThenLastTwoOctetsMasked() {
        assertThat(LogRedactor.redact("from 203.0.113.77 again")).isEqualTo("from 203.0.***.*** again");
    }

    @Test
    void redactWhenIpv6ThenOnlyFirstTwoGroupsKept() {
        assertThat(LogRedactor.redact("from 2001:db8:85a3::8a2e:370:7334 again"))
                .isEqualTo("from 2001:db8:*** again");
    }

    @Test
    void redactWhenTomcatConnectorNameThenUnchanged() {
        // issue 13 item 13: values are redacted, not the names Tomcat gives its connector and threads
        assertThat(LogRedactor.redact("Starting ProtocolHandler [\"http-nio-127.0.0.1-8080\"]"))
                .isEqualTo("Starting ProtocolHandler [\"http-nio-127.0.0.1-8080\"]");
        assertThat(LogRedactor.redact("thread http-nio-127.0.0.1-8080-exec-3")).isEqualTo("thread http-nio-127.0.0.1-8080-exec-3");
        assertThat(LogRedactor.redact("Starting ProtocolHandler [\"http-nio-0:0:0:0:0:0:0:1-8080\"]"))
                .isEqualTo("Starting ProtocolHandler [\"http-nio-0:0:0:0:0:0:0:1-8080\"]");
    }

    @Test
    void redactWhenAddressIsAValueBesideANameThenStillMasked() {
        assertThat(LogRedactor.redact("http-nio-8080-exec-1 client=203.0.113.77 via [2001:db8:85a3::8a2e:370:7334]"))
                .isEqualTo("http-nio-8080-exec-1 client=203.0.***.*** via [2001:db8:***]");
        assertThat(LogRedactor.redact("clients 203.0.113.77-198.51.100.4")).isEqualTo("clients 203.0.***.***-198.51.***.***");
    }

    @Test
    void redactWhenTimeOfDayThenUnchanged() {
        assertThat(LogRedactor.redact("at 12:30:45 and 09:00")).isEqualTo("at 12:30:45 and 09:00");
    }

    @Test
    void redactLineWhenCrLfThenEscapedSoNoLineCanBeForged() {
        assertThat(LogRedactor.redactLine("name=x\r\n12:00 INFO forged admin login"))
                .doesNotContain("\n").doesNotContain("\r").contains("\\r\\n");
    }

    @Test
    void ipWhenIpv4ThenFirstTwoOctets() {
        assertThat(LogRedactor.ip("198.51.100.4")).isEqualTo("198.51.***.***");
        assertThat(LogRedactor.ip("2001:db8::1")).isEqualTo("2001:db8:***");
        assertThat(LogRedactor.ip(null)).isEqualTo("unknown");
    }
}
