package app.bar.web;

import app.bar.account.AccountFixtures;
import com.microsoft.playwright.Page;

/** BAR's sign-in page ({@code /login}) with email and password, as a person fills it in. */
final class SignInPage {

    private SignInPage() {
    }

    /** Signs in through the page and waits for the dashboard with every list loaded. */
    static Page signIn(Chromium.Session session, AccountFixtures.TestAccount account) {
        return signIn(session, account.email(), account.password(), false);
    }

    /** Signs in through the page, ticking "Remember me" if asked, and waits for the loaded dashboard. */
    static Page signIn(Chromium.Session session, String email, String password, boolean rememberMe) {
        Page page = session.open("/login");
        submit(page, email, password, rememberMe);
        page.waitForURL("**/dashboard");
        page.locator("main[aria-busy='false']").waitFor(); // every list loaded
        return page;
    }

    /**
     * Fills in the form already on {@code page} and presses "Sign in", waiting for nothing after:
     * a second step (the app's code, a passkey) may come before the dashboard.
     */
    static void submit(Page page, AccountFixtures.TestAccount account) {
        submit(page, account.email(), account.password(), false);
    }

    private static void submit(Page page, String email, String password, boolean rememberMe) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        if (rememberMe) {
            page.getByLabel("Remember me").check();
        }
        SharePages.click(page, "Sign in");
    }
}
