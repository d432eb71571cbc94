package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import app.bar.web.i18n.Catalogues;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The header's language picker in a real Chromium (issue 17): for a signed-in reader the choice
 * is also saved to the account (PATCH /api/account), so its mails come in it.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class PickerAccountLanguageBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Catalogues catalogues;

    @Test
    void pickerWhenSignedInThenTheChoiceIsAlsoTheAccountsMailLanguage() {
        AccountFixtures fixtures = new AccountFixtures(context, new TestHttp(port));
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session session = chromium.person();
        Page page = signIn(session, account);
        String chosen = catalogues.languages().get(catalogues.languages().size() - 1);

        page.waitForNavigation(() -> choose(page, "#language", chosen));

        assertThat(languageOf(fixtures, account)).isEqualTo(chosen);
    }

    /** Chooses {@code value}, a change event even when it is chosen already. */
    private static void choose(Page page, String select, String value) {
        if (page.locator(select).inputValue().equals(value)) {
            page.locator(select).dispatchEvent("change");
        } else {
            page.locator(select).selectOption(value);
        }
    }

    private static String languageOf(AccountFixtures fixtures, AccountFixtures.TestAccount account) {
        return fixtures.jdbc().sql("select language from accounts where email = :e").param("e", account.email())
                .query(String.class).single();
    }
}
