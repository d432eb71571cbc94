package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard's table (ASVS 1.3.6, 13.2.4, 15.3.2). Names resolve through a fixed table, never
 * DNS: {@code public.test} is a public address, {@code rebind.test} has a public and a loopback
 * address, {@code internal.test} a private one; anything else does not resolve.
 */
class WebhookTargetsTests {

    static final Map<String, String[]> NAMES = Map.of(
            "public.test", new String[] {"93.184.215.14"},
            "discord.com", new String[] {"162.159.135.232"},
            "v6.test", new String[] {"2606:4700:4700::1111"},
            "rebind.test", new String[] {"93.184.215.14", "127.0.0.1"},
            "internal.test", new String[] {"10.1.2.3"},
            "metadata.test", new String[] {"169.254.169.254"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    final List<String> lookups = new ArrayList<>();
    final HostResolver table = host -> {
        lookups.add(host);
        String[] addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException("not in the test table");
        }
        InetAddress[] out = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = InetAddress.getByName(addresses[i]); // literals: parsed, not looked up
        }
        return out;
    };
    final WebhookTargets guard = new WebhookTargets(table, true, false);

    // ASVS 1.3.6/13.2.4/15.3.2: every spelling of an internal address, and every trick around the host, is refused
    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "http://127.255.255.254/",
            "http://2130706433/", "http://017700000001/", "http://0x7f000001/", "http://0177.0.0.1/",
            "http://0x7f.1/", "http://127.1/", "http://127.0.1/", "http://127.0.0.1./", "http://0/", "http://0.0.0.0/",
            "http://localhost/", "http://localhost./", "http://LOCALHOST/",
            "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
            "http://[::ffff:93.184.215.14]/", "http://[::127.0.0.1]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
            "http://100.64.0.1/", "http://100.127.255.255/", "http://169.254.169.254/latest/meta-data/",
            "http://224.0.0.1/", "http://239.255.255.250/", "http://240.0.0.1/", "http://255.255.255.255/",
            "http://192.0.0.170/", "http://198.18.0.1/",
            "http://[fc00::1]/", "http://[fd12:3456:789a::1]/", "http://[fe80::1]/", "http://[febf::1]/",
            "http://[ff02::1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::5db8:d70e]/",
            "http://[2002:7f00:1::1]/", "http://[2002:a00:1::]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://[fe80::1%25eth0]/",
            "http://user@127.0.0.1/", "http://user:pw@public.test/", "http://public.test@127.0.0.1/",
            "http://127.0.0.1#@public.test/", "http://127.0.0.1/#frag", "http://public.test\\@127.0.0.1/",
            "http://%31%32%37.0.0.1/", "http://127.0.0.1%2f@public.test/", "http://exa_mple.test/",
            "http://rebind.test/", "http://internal.test:8443/x", "http://metadata.test/", "http://unknown.test/",
            "http://1.2.3.4.5/", "http://256.0.0.1/", "http://0x100000000/", "http://public.test:0/",
            "http://public.test:65536/", "ftp://public.test/", "file:///etc/passwd", "javascript:alert(1)",
            "gopher://public.test:70/", "http:///hook", "http:public.test", "//public.test/hook", "not a url", ""})
    void checkWhenInternalOrTrickyTargetThenRefused(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(TargetRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://public.test/hook", "https://public.test./hook", "https://PUBLIC.test/hook?x=1",
            "https://public.test:8443/hook", "http://public.test/hook", "https://93.184.215.14/hook",
            "https://[2606:4700:4700::1111]/hook", "https://v6.test/hook", "https://[2002:5db8:d70e::1]/",
            "https://discord.com/api/webhooks/1/token"})
    void checkWhenPublicTargetThenAcceptedWithTheCheckedAddresses(String url) throws Exception {
        WebhookTarget target = guard.check(url);
        assertThat(target.addresses()).isNotEmpty().noneMatch(AddressRanges::isForbidden);
    }

    @Test
    void checkWhenHostIsNameThenResolvedExactlyOnce() throws Exception {
        WebhookTarget target = guard.check("https://public.test/hook");
        assertThat(lookups).containsExactly("public.test");
        assertThat(target.addresses()).containsExactly(InetAddress.getByName("93.184.215.14"));
    }

    @Test
    void checkWhenHostIsAddressSpellingThenNeverLookedUp() {
        for (String url : List.of("http://2130706433/", "http://0x7f.1/", "http://[::ffff:127.0.0.1]/",
                "https://93.184.215.14/")) {
            try {
                guard.check(url);
            } catch (TargetRefused expected) {
                // refused or not, the point is that no lookup happened
            }
        }
        assertThat(lookups).isEmpty();
    }

    @Test
    void checkWhenAnyResolvedAddressIsInternalThenRefusedWithOneReasonForAll() {
        // one reason for "does not resolve" and "resolves inside": the answer must not map the network
        assertThatThrownBy(() -> guard.check("https://rebind.test/")).isInstanceOfSatisfying(TargetRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TargetRefused.ADDRESS));
        assertThatThrownBy(() -> guard.check("https://unknown.test/")).isInstanceOfSatisfying(TargetRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TargetRefused.ADDRESS));
    }

    @Test
    void checkWhenHttpsOnlyAndUrlIsHttpThenRefused() {
        WebhookTargets production = new WebhookTargets(table, false, false);
        assertThatThrownBy(() -> production.check("http://public.test/hook")).isInstanceOfSatisfying(TargetRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TargetRefused.HTTPS));
    }

    @Test
    void checkWhenPrivateAddressesAllowedThenLoopbackAccepted() throws Exception {
        WebhookTargets tests = new WebhookTargets(table, true, true);
        assertThat(tests.check("http://127.0.0.1:9/hook").addresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> tests.check("http://user@127.0.0.1/")).isInstanceOf(TargetRefused.class);
    }

    @Test
    void checkWhenUrlLongerThanLimitThenRefused() {
        String url = "https://public.test/" + "a".repeat(WebhookTargets.MAX_URL_LENGTH);
        assertThatThrownBy(() -> guard.check(url)).isInstanceOfSatisfying(TargetRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TargetRefused.LENGTH));
    }

    @Test
    void ipv4LiteralWhenWhatwgSpellingsThenSameAddress() {
        for (String spelling : List.of("2130706433", "017700000001", "0x7f000001", "0x7f.1", "127.1", "127.0.1",
                "0177.0.0.01", "127.0.0.1.")) {
            assertThat(Ipv4Literal.parse(spelling).address()).as(spelling).containsExactly(127, 0, 0, 1);
        }
        assertThat(Ipv4Literal.parse("example.com").kind()).isEqualTo(Ipv4Literal.Kind.NAME);
        assertThat(Ipv4Literal.parse("1.example").kind()).isEqualTo(Ipv4Literal.Kind.NAME);
        assertThat(Ipv4Literal.parse("1.2.3.4.5").kind()).isEqualTo(Ipv4Literal.Kind.INVALID);
        assertThat(Ipv4Literal.parse("1.256.3.4").kind()).isEqualTo(Ipv4Literal.Kind.INVALID);
        assertThat(Ipv4Literal.parse("08.1.1.1").kind()).isEqualTo(Ipv4Literal.Kind.INVALID);
        assertThat(Ipv4Literal.parse("1.-1.1.1").kind()).isEqualTo(Ipv4Literal.Kind.INVALID);
    }
}
