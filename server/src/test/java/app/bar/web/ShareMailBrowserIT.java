package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.shareId;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.MailBox;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * "Email the link" on the create page's result in a real Chromium (issue 18 item 4): a signed-in
 * sender mails the link, the mail (caught by the tests' SMTP server) carries no key, the page then
 * shows the key alone for another channel, and the recipient opens the mailed link with it.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class ShareMailBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(context, new TestHttp(port));
    }

    @Test
    void emailTheLinkWhenSignedInThenTheMailHasNoKeyAndThePageShowsTheKeyForAnotherChannel() {
        Chromium.Session sender = chromium.person();
        Page create = signIn(sender, fixtures.anAccount().create());
        create.navigate("/");
        create.locator("#label-field").waitFor(); // signed in
        String whole = SharePages.createText(create, "mailed without its key");
        String id = shareId(whole);
        String key = whole.substring(whole.indexOf('#') + 1);
        create.locator("#mail-card").waitFor();

        String to = "mail-browser-" + System.nanoTime() + "@example.test";
        create.getByLabel("Email addresses (up to 10, separated by commas)").fill(to);
        create.getByLabel("Note for the recipients (optional, plain text)").fill("the wifi password");
        click(create, "Email the link");
        create.locator("#mail-notice .message.ok").waitFor();
        assertThat(create.textContent("#mail-notice")).contains("went out by email to 1 address, without its key");
        assertThat(create.inputValue("#mail-key-value")).isEqualTo(key);
        assertThat(create.locator("#mail-key").textContent()).contains("Now send the key another way");
        assertThat(sender.requests()).as("the key goes to no server").noneMatch(r -> r.contains(key));

        MailBox.Mail mail = MailBox.await(to, "sent you a secret on");
        assertThat(mail.text()).contains("/s/" + id, "the wifi password", "its key was left out of this mail");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("#", key);

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open("/s/" + id); // the mailed link (its host is the tests' public URL)
        open.locator("#problem-title:has-text('This link is incomplete')").waitFor();
        open.getByLabel("Key from the sender").fill(create.inputValue("#mail-key-value"));
        click(open, "Use this key");
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("mailed without its key");
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    @Test
    void emailTheLinkWhenAnonymousThenNotOffered() {
        Chromium.Session anonymous = chromium.person();
        Page create = anonymous.open("/");
        SharePages.createText(create, "no mail for anonymous senders");
        assertThat(create.locator("#mail-card").isHidden()).isTrue();
        anonymous.assertNoConsoleProblems();
    }
}
