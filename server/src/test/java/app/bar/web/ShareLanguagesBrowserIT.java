package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.shareId;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.web.i18n.Catalogues;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A share made and opened in a real Chromium whose person speaks English, German, Japanese or
 * Arabic (issue 17 item 6): every page asked for in that language by the browser's
 * Accept-Language, the texts checked against the language's catalogue — the create page, the
 * result, a wrong password, the secret, a gone share — with no console problem (a key missing
 * from a catalogue warns in the console; a CSP violation is an error). Arabic pages lay out
 * mirrored (item 5): a field's label lines up with the field on the right, not on the left. The
 * pictures (create-de.png, create-ja.png, create-ar.png; Arabic's wrong password and gone page) are
 * the README's.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class ShareLanguagesBrowserIT {

    private static final Catalogues CATALOGUES = Catalogues.load();

    // the catalogue keys of what the test reads
    private static final String CREATE_TITLE = "share.create.share_a_secret_that_burns";
    private static final String CREATE_BUTTON = "share.create.create_secret_link";
    private static final String RESULT_TITLE = "share.create.your_secret_link_is_ready";
    private static final String UNLOCK_TITLE = "share.open.someone_shared_a_secret_with";
    private static final String WRONG_PASSWORD = "share.open.wrong_password";
    private static final String GONE_TITLE = "share.open.this_share_no_longer_exists";

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    private static String text(String lang, String key) {
        return CATALOGUES.text(lang, key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, en-GB", "de, de-DE", "ja, ja-JP", "ar, ar-EG"})
    void shareWhenMadeAndOpenedInALanguageThenEveryPageSpeaksIt(String lang, String locale) {
        assertThat(CATALOGUES.languages()).as("offered").contains(lang);
        String secret = "the vault code is 7 4 1 9 / " + lang;
        String password = "orange kettle sunrise";

        Chromium.Session sender = chromium.person(locale);
        Page create = sender.open("/");
        create.locator("#create-form").waitFor();
        assertPageLanguage(create, lang);
        assertThat(create.textContent("#create-title").strip()).isEqualTo(text(lang, CREATE_TITLE));
        assertThat(create.textContent("#create-button").strip()).isEqualTo(text(lang, CREATE_BUTTON));
        assertLabelsOnTheReadingSide(create, "#secret-text", lang);
        if (!lang.equals("en")) { // English: create.png
            Screenshots.save(create, "create-" + lang, Map.of());
        }
        create.fill("#secret-text", secret);
        create.fill("#password", password);
        create.click("#create-button");
        create.locator("#result-title").waitFor();
        assertThat(create.textContent("#result-title").strip()).isEqualTo(text(lang, RESULT_TITLE));
        String link = create.inputValue("#share-link");
        sender.assertNoConsoleProblems();

        Chromium.Session recipient = chromium.person(locale);
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        assertPageLanguage(open, lang);
        assertThat(open.textContent("#unlock-title").strip()).isEqualTo(text(lang, UNLOCK_TITLE));
        open.fill("#password", "orange kettle sunset");
        open.click("#open-button");
        open.locator("#unlock-notice .message.error").waitFor();
        assertThat(open.textContent("#unlock-notice")).contains(text(lang, WRONG_PASSWORD));
        open.locator("#open-button:not([disabled])").waitFor();
        if (CATALOGUES.rightToLeft(lang)) {
            Screenshots.save(open, "wrong-password-" + lang, Map.of("#meta-expiry", "—"));
        }
        open.waitForTimeout(1_200); // the next try after a wrong one waits a second (a 429 would count down)
        open.fill("#password", password);
        open.click("#open-button");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo(secret);
        recipient.assertNoConsoleProblems(status(401, "/unlock"), status(429, "/unlock"));

        Chromium.Session late = chromium.person(locale);
        Page gone = late.open(link);
        gone.locator("#gone h1").waitFor();
        assertPageLanguage(gone, lang);
        assertThat(gone.textContent("#gone h1").strip()).isEqualTo(text(lang, GONE_TITLE));
        if (CATALOGUES.rightToLeft(lang)) {
            Screenshots.save(gone, "gone-" + lang, Map.of());
        }
        late.assertNoConsoleProblems(status(404, "/api/shares/" + shareId(link)));
    }

    private static void assertPageLanguage(Page page, String lang) {
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
        assertThat(page.locator("html").getAttribute("dir")).isEqualTo(CATALOGUES.rightToLeft(lang) ? "rtl" : "ltr");
        assertThat(page.title()).isEqualTo(page.title().strip()).isNotBlank();
    }

    /** A label's words start where its field starts: on the left in a left-to-right page, on the right in Arabic. */
    @SuppressWarnings("unchecked")
    private static void assertLabelsOnTheReadingSide(Page page, String field, String lang) {
        Map<String, Object> edges = (Map<String, Object>) page.evaluate("""
                (selector) => {
                  const field = document.querySelector(selector).getBoundingClientRect();
                  const range = document.createRange(); // the label's words, not its box (a block spans the line)
                  range.selectNodeContents(document.querySelector(`label[for="${selector.slice(1)}"]`));
                  const label = range.getBoundingClientRect();
                  return { left: Math.abs(field.left - label.left), right: Math.abs(field.right - label.right) };
                }""", field);
        String start = CATALOGUES.rightToLeft(lang) ? "right" : "left";
        assertThat(((Number) edges.get(start)).doubleValue()).as("%s edge of the label and its field", start).isLessThan(2.0);
    }

}
