package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.branding.TestBranding;
import app.bar.web.i18n.Catalogues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 item 5: the operator's brand in every page, escaped, with nothing inline. */
class PageBrandingTests {

    private static final String[] PAGES = {"index", "open", "login", "register", "verify", "reset", "dashboard", "admin",
        "help-https"};

    /** BAR's own footer line in English. */
    private static final String FOOTER = "BAR — secrets that destroy themselves. Zero-knowledge links keep their key after the "
            + "<span class=\"mono\">#</span>, which browsers never send to a server.";
    private static final Catalogues CATALOGUES = Catalogues.load();

    @TempDir
    Path dir;

    @Test
    void renderWhenNoBrandThenBarsOwnHeaderFooterAndTitles() {
        String html = page(new PageBranding(TestBranding.none()), "login");

        assertThat(html).contains("<title>Sign in — BAR</title>",
                "<a class=\"brand\" href=\"/\">BAR<span>Burn After Reading</span></a>",
                "<footer>" + FOOTER + "</footer>")
                .doesNotContain("/branding", "class=\"banner\"", "<!-- branding");
    }

    @Test
    void renderWhenBrandedThenNameLogoStylesheetBannerFooterAndLinksOnEveryPage() throws IOException {
        PageBranding branding = new PageBranding(TestBranding.of("bar.branding.name", "Acme Vault",
                "bar.branding.logo", TestBranding.logo(dir).toString(), "bar.branding.accent-color", "#0f766e",
                "bar.branding.footer-text", "Run by Acme IT", "bar.branding.imprint-url", "https://acme.example/imprint",
                "bar.branding.privacy-url", "/privacy", "bar.branding.notice", "Maintenance on Sunday"));

        for (String name : PAGES) {
            String html = page(branding, name);
            assertThat(html).as(name).contains(" — Acme Vault</title>",
                    "<link rel=\"stylesheet\" href=\"/branding.css\">",
                    "<a class=\"brand with-logo\" href=\"/\"><img class=\"brand-logo\" src=\"/branding/logo\" alt=\"\">Acme Vault</a>",
                    "<div class=\"banner\" role=\"note\">Maintenance on Sunday</div>",
                    "<p class=\"brand-footer\">Run by Acme IT</p>",
                    "<nav class=\"legal\" aria-label=\"Legal\"><a href=\"https://acme.example/imprint\">Imprint</a>"
                            + "<a href=\"/privacy\">Privacy</a></nav>",
                    "<p>" + FOOTER + "</p>")
                    .doesNotContain(" — BAR</title>", "Burn After Reading", "style=", "<style", "<!-- branding");
        }
        assertThat(page(branding, "open")).contains("<meta property=\"og:title\" content=\"A secret for you — Acme Vault\">");
    }

    @Test
    void renderWhenNameAndTextsHoldMarkupThenShownAsText() {
        // ASVS 1.2.1: the operator's values are text in every context they reach (title, header, banner, footer)
        String attack = "<img src=x onerror=alert(1)>\"'&{{common.nav.admin}}";
        PageBranding branding = new PageBranding(TestBranding.of("bar.branding.name", attack,
                "bar.branding.footer-text", attack, "bar.branding.notice", attack,
                "bar.branding.terms-url", "https://acme.example/terms?a=1&b=2"));

        String html = page(branding, "index");

        String escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&#123;&#123;common.nav.admin}}";
        assertThat(html).doesNotContain("<img src=x").contains("<title>Share a secret — " + escaped + "</title>",
                "href=\"/\">" + escaped + "</a>", "role=\"note\">" + escaped + "</div>", "\"brand-footer\">" + escaped + "</p>",
                "href=\"https://acme.example/terms?a=1&amp;b=2\"");
    }

    private static String page(PageBranding branding, String name) {
        return new String(PageLayout.load(branding, CATALOGUES).render(name), StandardCharsets.UTF_8);
    }
}
