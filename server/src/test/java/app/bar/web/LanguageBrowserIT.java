package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.web.i18n.Catalogues;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's language in a real Chromium (issue 17): negotiated from Accept-Language into
 * {@code <html lang dir>}, and the header's picker, which lists every offered language named in
 * itself, keeps the choice in the bar_lang cookie and reloads into it, over Accept-Language.
 * Which languages are offered follows the catalogues (a language is offered once complete); the
 * texts in each language are checked by the language browser tests.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class LanguageBrowserIT {

    private static final Catalogues CATALOGUES = Catalogues.load();

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @Test
    void pageWhenBrowserAsksForALanguageThenHtmlLangAndDirAreTheNegotiatedOnes() {
        // the browser's own locale: Chromium sends it as Accept-Language on every request (an extra
        // header set on the context does not replace it on navigations)
        for (String accept : List.of("de-DE", "ar", "pt", "zh-Hans", "sv")) {
            Chromium.Session session = chromium.person(accept);
            Page page = session.open("/");
            page.locator("#create-form").waitFor();
            String lang = CATALOGUES.negotiate(null, accept);
            assertThat(page.locator("html").getAttribute("lang")).as(accept).isEqualTo(lang);
            assertThat(page.locator("html").getAttribute("dir")).as(accept).isEqualTo(CATALOGUES.rightToLeft(lang) ? "rtl" : "ltr");
            assertThat(page.locator("#language").inputValue()).as(accept).isEqualTo(lang);
            session.close();
        }
    }

    @Test
    void pickerWhenALanguageChosenThenCookieSetAndThePageReloadsInIt() {
        Chromium.Session session = chromium.person("sv");
        Page page = session.open("/");
        page.locator("#create-form").waitFor();
        List<String> offered = page.locator("#language option").all().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered).containsExactlyElementsOf(CATALOGUES.languages());
        assertThat(page.locator("#language option").first().textContent()).isEqualTo("English");

        String chosen = offered.get(offered.size() - 1);
        page.waitForNavigation(() -> page.locator("#language").selectOption(chosen));
        page.locator("#create-form").waitFor();

        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(chosen);
        assertThat(page.locator("html").getAttribute("dir")).isEqualTo(CATALOGUES.rightToLeft(chosen) ? "rtl" : "ltr");
        Cookie cookie = session.context.cookies().stream().filter(c -> c.name.equals("bar_lang")).findFirst().orElseThrow();
        assertThat(cookie.value).isEqualTo(chosen);
        assertThat(cookie.path).isEqualTo("/");
        assertThat(cookie.expires).as("kept for about a year").isGreaterThan(System.currentTimeMillis() / 1000.0 + 360 * 86400);
        assertThat(page.locator("#language").inputValue()).isEqualTo(chosen);
        session.assertNoConsoleProblems();
    }
}
