package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20 item 5 in a real Chromium: a custom brand (name, logo, accent colour, banner, footer
 * text and links) shows on the pages under the unchanged strict CSP — a style or image the policy
 * refused would be a console problem — and is pictured in {@code branding.png}.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
@TestPropertySource(properties = {
    "bar.branding.name=Acme Vault",
    "bar.branding.logo=src/test/resources/branding/logo.png",
    "bar.branding.accent-color=#0f766e",
    "bar.branding.footer-text=Operated by Acme IT for Acme staff. Questions: it-help@acme.example",
    "bar.branding.imprint-url=https://acme.example/imprint",
    "bar.branding.privacy-url=https://acme.example/privacy",
    "bar.branding.terms-url=/help/https",
    "bar.branding.notice=Planned maintenance on Sunday, 02:00–04:00 UTC: links keep working."})
class BrandingBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;

    @Test
    void createPageWhenBrandedThenNameLogoAccentBannerAndFooterShownUnderTheStrictCsp() {
        Chromium.Session session = chromium.person();
        Page page = session.open("/");
        page.locator("#create-form").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(page.title()).isEqualTo("Share a secret — Acme Vault");
        assertThat(page.locator("header .brand").innerText()).isEqualTo("Acme Vault");
        assertThat(page.evaluate("() => document.querySelector('.brand-logo').naturalWidth")).isEqualTo(96);
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#create-button')).backgroundColor"))
                .isEqualTo("rgb(15, 118, 110)");
        assertThat(page.locator(".banner").innerText()).isEqualTo("Planned maintenance on Sunday, 02:00–04:00 UTC: links keep working.");
        assertThat(page.locator("footer .brand-footer").innerText()).startsWith("Operated by Acme IT");
        assertThat(page.evaluate("() => [...document.querySelectorAll('footer .legal a')].map(a => a.textContent + ' ' + a.href)"))
                .isEqualTo(List.of("Imprint https://acme.example/imprint", "Privacy https://acme.example/privacy",
                        "Terms " + new TestHttp(port).base() + "/help/https"));
        session.assertNoConsoleProblems();
        Screenshots.save(page, "branding");
    }

    @Test
    void everyPageWhenBrandedThenSameHeaderAndNoConsoleProblem() {
        for (String path : List.of("/login", "/register", "/reset", "/help/https")) {
            try (Chromium.Session session = chromium.person()) {
                Page page = session.open(path);
                page.locator("main h1").first().waitFor();
                page.waitForLoadState(LoadState.NETWORKIDLE);
                assertThat(page.title()).as(path).endsWith(" — Acme Vault");
                assertThat(page.evaluate("() => document.querySelector('.brand-logo').complete "
                        + "&& document.querySelector('.brand-logo').naturalWidth > 0")).as(path).isEqualTo(true);
                assertThat(page.locator(".banner").isVisible()).as(path).isTrue();
                session.assertNoConsoleProblems();
            }
        }
    }
}
