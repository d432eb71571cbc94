package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.web.i18n.Catalogues;
import org.junit.jupiter.api.Test;

class PageLayoutTests {

    private static final String LAYOUT = """
            <html>
            <head>
              <link rel="stylesheet" href="/css/bar.css">
              <!-- page head: title and script -->
            </head>
            <body>
              <header>nav</header>
              <!-- page main -->
              <footer>f</footer>
            </body>
            </html>
            """;

    @Test
    void assembleWhenPageHasTitleAndMainThenEachPutInItsSlot() {
        String page = """
                  <title>Sign in — BAR</title>
                  <script type="module" src="/js/login.mjs"></script>
                  <main id="main">
                    <h1>Sign in</h1>
                  </main>
                """;

        assertThat(new PageLayout(LAYOUT).assemble("login", page)).isEqualTo("""
                <html>
                <head>
                  <link rel="stylesheet" href="/css/bar.css">
                  <title>Sign in — BAR</title>
                  <script type="module" src="/js/login.mjs"></script>
                </head>
                <body>
                  <header>nav</header>
                  <main id="main">
                    <h1>Sign in</h1>
                  </main>
                  <footer>f</footer>
                </body>
                </html>
                """);
    }

    @Test
    void insertPartsWhenPageNamesAPartThenItsLineBecomesThePart() {
        String page = """
                <main>
                  <h1>Ask</h1>
                  <!-- part request-form -->
                </main>
                """;

        assertThat(PageLayout.insertParts(page, name -> "<form id=\"" + name + "\"></form>")).isEqualTo("""
                <main>
                  <h1>Ask</h1>
                <form id="request-form"></form>
                </main>
                """);
    }

    @Test
    void renderWhenPagesShareThePartThenEachHoldsItsForm() {
        PageLayout layout = new PageLayout(LAYOUT);

        assertThat(new String(layout.render("index"), java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"new-form\"");
        assertThat(new String(layout.render("request"), java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"new-form\"");
    }

    @Test
    void assembleWhenPageHasNoTitleOrNoMainThenRefused() {
        PageLayout layout = new PageLayout(LAYOUT);

        assertThatThrownBy(() -> layout.assemble("x", "<main>m</main>\n")).hasMessageContaining("page x must start with its <title>");
        assertThatThrownBy(() -> layout.assemble("x", "<title>t</title>\n<p>no main</p>\n")).hasMessageContaining("<main>");
    }

    @Test
    void newWhenLayoutLacksASlotThenRefused() {
        assertThatThrownBy(() -> new PageLayout(LAYOUT.replace("<!-- page main -->", "")))
                .hasMessageContaining("<!-- page main");
    }

    @Test
    void renderWhenRealPagesThenEveryOneHasTheSharedHeaderOnce() {
        PageLayout layout = PageLayout.load(new PageBranding(app.bar.branding.TestBranding.none()), Catalogues.load());
        for (String page : new String[] {"index", "open", "login", "register", "verify", "reset", "dashboard", "admin"}) {
            String html = new String(layout.render(page), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html.split("<header class=\"top\">", -1)).as(page).hasSize(2);
            assertThat(html).as(page).contains("<title>").contains("<script type=\"module\" src=\"/js/")
                    .contains("<html lang=\"en\" dir=\"ltr\">", "<option value=\"en\" lang=\"en\" selected>English</option>")
                    .doesNotContain("{{");
        }
    }

    @Test
    void renderWhenHttpsHelpInAnyLanguageThenAddressesAndSettingsStayInMonospace() {
        PageLayout layout = PageLayout.load(new PageBranding(app.bar.branding.TestBranding.none()), Catalogues.load());
        for (String lang : new String[] {"en", "de", "ja", "ar"}) {
            String html = new String(layout.render("help-https", lang), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(lang).contains("<span class=\"mono\">BAR_TRUSTED_PROXIES</span>",
                    "<span class=\"mono\">BAR_PUBLIC_URL</span>", "<span class=\"mono\">http://localhost:8080</span>",
                    "<span class=\"mono\">https://</span>", "<span class=\"mono\">http://localhost</span>");
        }
    }
}
