package app.bar.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a person does on the share pages, for the browser tests: press a button, make a text share on the create page. */
final class SharePages {

    private SharePages() {
    }

    /** Presses the button whose accessible name is exactly {@code button}. */
    static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    /** Creates a text share without a password on the create page already open; returns the link the page shows. */
    static String createText(Page page, String secret) {
        return createText(page, secret, null);
    }

    /** Creates a text share (behind {@code password} unless it is null); returns the link the page shows. */
    static String createText(Page page, String secret, String password) {
        page.getByLabel("Secret text").fill(secret);
        if (password != null) {
            page.getByLabel("Password (optional)").fill(password);
        }
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        return page.inputValue("#share-link");
    }

    /** The share id in a link {@code …/s/<id>#<key>}. */
    static String shareId(String link) {
        return link.substring(link.indexOf("/s/") + 3, link.indexOf('#'));
    }
}
