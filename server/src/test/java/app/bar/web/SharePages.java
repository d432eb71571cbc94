package app.bar.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a person does on the share pages, for the browser tests: press a button, make a text share on the create page, save a download. */
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

    /** The bytes a download saved. */
    static byte[] saved(Download download) throws IOException {
        Path file = Files.createTempFile("bar-download-", ".bin");
        try {
            download.saveAs(file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
