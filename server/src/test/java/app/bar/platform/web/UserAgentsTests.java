package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one User-Agent classifier of the share access log (browser) and the account's session list
 * (device). Until issue 10 each module had its own and they disagreed: the account's said "Safari"
 * for Chrome, Firefox and Edge on iOS and "Chrome" for legacy Edge; the share's knew no systems.
 */
class UserAgentsTests {

    private static final String CHROME_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
    private static final String FIREFOX_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15";
    private static final String EDGE_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/126.2592.56 Mobile/15E148 Safari/605.1.15";
    private static final String SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String LEGACY_EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
    private static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36";

    @Test
    void browserWhenCommonBrowsersThenFamilyNotFullString() {
        assertThat(UserAgents.browser("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0"))
                .isEqualTo("Edge");
        assertThat(UserAgents.browser("Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/120.0 Safari/537.36")).isEqualTo("Chrome");
        assertThat(UserAgents.browser("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"))
                .isEqualTo("Safari");
        assertThat(UserAgents.browser("Mozilla/5.0 (X11; rv:128.0) Gecko/20100101 Firefox/128.0")).isEqualTo("Firefox");
        assertThat(UserAgents.browser("curl/8.5.0")).isEqualTo("curl");
    }

    @Test
    void browserWhenMissingOrUnknownThenCoarseName() {
        assertThat(UserAgents.browser(null)).isEqualTo("unknown");
        assertThat(UserAgents.browser("x\r\ny")).isEqualTo("other");
    }

    @Test
    void browserWhenIosBrowserThenItsOwnFamilyNotSafari() {
        assertThat(UserAgents.browser(CHROME_IOS)).isEqualTo("Chrome");
        assertThat(UserAgents.browser(FIREFOX_IOS)).isEqualTo("Firefox");
        assertThat(UserAgents.browser(EDGE_IOS)).isEqualTo("Edge");
        assertThat(UserAgents.browser(SAFARI_IOS)).isEqualTo("Safari");
    }

    @Test
    void browserWhenLegacyEdgeThenEdgeNotChrome() {
        assertThat(UserAgents.browser(LEGACY_EDGE)).isEqualTo("Edge");
    }

    @Test
    void browserWhenCommandLineClientsThenTheirNames() {
        assertThat(UserAgents.browser("Wget/1.21.4")).isEqualTo("Wget");
        assertThat(UserAgents.browser("Java-http-client/17.0.11")).isEqualTo("Java");
        assertThat(UserAgents.browser("bar-cli/1.0")).isEqualTo("BAR CLI");
    }

    @Test
    void deviceWhenCommonBrowsersThenFamilyAndSystemWithoutVersions() {
        assertThat(UserAgents.device("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox on Linux");
        assertThat(UserAgents.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(UserAgents.device(SAFARI_IOS)).isEqualTo("Safari on iOS");
        assertThat(UserAgents.device(null)).isEqualTo("Unknown device");
    }

    @Test
    void deviceWhenChromeOnIosThenChromeOnIos() {
        assertThat(UserAgents.device(CHROME_IOS)).isEqualTo("Chrome on iOS");
        assertThat(UserAgents.device(FIREFOX_IOS)).isEqualTo("Firefox on iOS");
    }

    @Test
    void deviceWhenAndroidThenAndroidNotLinux() {
        assertThat(UserAgents.device(CHROME_ANDROID)).isEqualTo("Chrome on Android");
    }

    @Test
    void deviceWhenClientProgramThenClientAndUnknownSystem() {
        assertThat(UserAgents.device("Java-http-client/17.0.11")).isEqualTo("Java client on unknown system");
        assertThat(UserAgents.device("x\r\ny")).isEqualTo("Other client on unknown system");
    }

    @Test
    void deviceWhenMicrosoftClientThenNotChromeOs() {
        assertThat(UserAgents.device("Microsoft-CryptoAPI/10.0")).isEqualTo("Other client on unknown system");
        assertThat(UserAgents.device("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36")).isEqualTo("Chrome on ChromeOS");
    }
}
