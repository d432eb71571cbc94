package app.bar.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.bar.platform.config.ProductionGuard;
import app.bar.platform.config.UnsafeConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 20 item 5: every branding value reaches every page and mail, so a value that could inject
 * CSS, run script or serve a document is refused at start-up, on every start, in one line naming
 * the variable and the rule, never the value.
 */
class BrandingRulesTests {

    @TempDir
    Path dir;

    @Test
    void startWhenNoBrandingThenStarts() {
        ProductionGuard.check(new MockEnvironment());
    }

    @Test
    void startWhenEveryValueValidThenStarts() throws IOException {
        ProductionGuard.check(new MockEnvironment().withProperty("bar.branding.name", "Acme <Vault> & Co")
                .withProperty("bar.branding.logo", TestBranding.logo(dir).toString())
                .withProperty("bar.branding.accent-color", "#0F766e")
                .withProperty("bar.branding.footer-text", "Run by Acme IT, \"internal use\" only")
                .withProperty("bar.branding.imprint-url", "https://acme.example/imprint?lang=en#top")
                .withProperty("bar.branding.privacy-url", "/privacy")
                .withProperty("bar.branding.terms-url", "https://acme.example/terms")
                .withProperty("bar.branding.notice", "Maintenance on Sunday 02:00–04:00 UTC"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"red", "#fff", "#12345g", "#1234567", "#000000;} body{display:none", "#000000}",
            "url(https://evil.example/x)", "#00000\n0"})
    void startWhenAccentColourIsNotSixHexDigitsThenRefused(String colour) {
        // ASVS 1.2.x: nothing but #rrggbb is written into /branding.css, so no value can end the declaration
        assertThat(problems("bar.branding.accent-color", colour))
                .containsExactly("variable=BAR_BRANDING_ACCENT_COLOR rule=\"must be a colour written #rrggbb (six hex digits)\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "http://acme.example/imprint", "//evil.example/imprint", "/\\evil.example", "https://user@evil.example/",
            "https://acme.example/a b", "https://acme.example/\"onmouseover=alert(1)", "imprint.html", "https:///nohost",
            "vbscript:msgbox(1)"})
    void startWhenFooterLinkIsNotHttpsOrAPathThenRefused(String url) {
        // ASVS 1.2.2: a link the operator configures cannot become a script URL, another scheme or another host
        for (String setting : new String[] {"imprint-url", "privacy-url", "terms-url"}) {
            assertThat(problems("bar.branding." + setting, url)).singleElement().asString()
                    .startsWith("variable=BAR_BRANDING_" + setting.replace("-url", "").toUpperCase() + "_URL rule=\"must be an https:// URL")
                    .doesNotContain(url);
        }
    }

    @Test
    void startWhenLogoLargerThanLimitThenRefusedNamingTheLimit() throws IOException {
        Path big = dir.resolve("big.png");
        byte[] bytes = new byte[BrandingRules.MAX_LOGO_BYTES + 1];
        System.arraycopy(Files.readAllBytes(TestBranding.logo(dir)), 0, bytes, 0, 16);
        Files.write(big, bytes);

        assertThat(problems("bar.branding.logo", big.toString()))
                .containsExactly("variable=BAR_BRANDING_LOGO rule=\"must be a file of at most 256 KiB\"");
    }

    @Test
    void startWhenLogoIsSvgThenRefusedSayingWhy() throws IOException {
        // an SVG is a document: opened at /branding/logo it could run script in BAR's origin
        Path svg = Files.writeString(dir.resolve("logo.png"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", StandardCharsets.UTF_8);

        assertThat(problems("bar.branding.logo", svg.toString())).singleElement().asString()
                .contains("BAR_BRANDING_LOGO", "PNG, JPEG, GIF or WebP", "SVG is refused");
    }

    @Test
    void startWhenLogoMissingThenRefused() {
        assertThat(problems("bar.branding.logo", dir.resolve("nothing.png").toString()))
                .containsExactly("variable=BAR_BRANDING_LOGO rule=\"must be the path of a readable image file\"");
    }

    @Test
    void startWhenNameTooLongOrHasLineBreakThenRefused() {
        assertThat(problems("bar.branding.name", "A".repeat(61)))
                .containsExactly("variable=BAR_BRANDING_NAME rule=\"must be at most 60 characters\"");
        assertThat(problems("bar.branding.name", "Acme\r\nBcc: x@example.com")).singleElement().asString()
                .startsWith("variable=BAR_BRANDING_NAME rule=\"must be one line");
        assertThat(problems("bar.branding.notice", "Read \u202Egnp.exe")).singleElement().asString()
                .startsWith("variable=BAR_BRANDING_NOTICE");
        assertThat(problems("bar.branding.footer-text", "x".repeat(301))).singleElement().asString()
                .startsWith("variable=BAR_BRANDING_FOOTER_TEXT rule=\"must be at most 300");
    }

    @Test
    void startInProductionWhenLogoPathRelativeThenRefused() throws IOException {
        Path logo = TestBranding.logo(dir);
        Path relative = Path.of("").toAbsolutePath().relativize(logo);
        MockEnvironment env = new MockEnvironment().withProperty("bar.branding.logo", relative.toString());
        env.setActiveProfiles("prod");

        assertThat(catchThrowableOfType(UnsafeConfigurationException.class, () -> ProductionGuard.check(env)).problems())
                .contains("variable=BAR_BRANDING_LOGO rule=\"must be an absolute path\"")
                .noneMatch(p -> p.contains("BAR_BRANDING_LOGO rule=\"must be the path"));
    }

    @Test
    void brandingWhenBuiltWithoutTheCheckThenRefusesTheSameValues() {
        assertThatThrownBy(() -> TestBranding.of("bar.branding.privacy-url", "javascript:alert(1)"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BAR_BRANDING_PRIVACY_URL")
                .hasMessageNotContaining("alert");
    }

    private static java.util.List<String> problems(String key, String value) {
        UnsafeConfigurationException e = catchThrowableOfType(UnsafeConfigurationException.class,
                () -> ProductionGuard.check(new MockEnvironment().withProperty(key, value)));
        assertThat(e).as("refused: %s", key).isNotNull();
        return e.problems();
    }
}
