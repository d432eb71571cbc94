package app.bar.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Screenshots of the main pages for the README, taken by the browser tests in the embedded-backend
 * run (the external run does not take them a second time). They go to {@code server/target/screenshots/},
 * so a test run leaves the tracked files alone; {@code -Dbar.screenshots=update} writes them into
 * {@code docs/screenshots/<name>.png} instead, for a change that means to update the README. Values that
 * differ on every run (ids, keys, times, addresses) are replaced by fixed examples just before
 * the picture is taken, so a new run writes the same pictures; the tests read what they check
 * before that.
 */
final class Screenshots {

    /** A link with the shape of a real one, for the pictures. */
    static final String EXAMPLE_LINK = "https://bar.example.com/s/k3PZq8vW2mXa7RtY0cLbNg#Hq9e2VbX4rT7uPzL0sKdWmC6yA1nFjGo3iE8tQwS5vY";

    private static final String DIR = directory(System.getProperty("bar.screenshots", ""),
            System.getProperty("bar.screenshots.docs", ""), System.getProperty("bar.screenshots.target", ""));

    private Screenshots() {
    }

    /**
     * Where the pictures go: {@code docs} when the mode is {@code update}, else {@code target};
     * empty (none taken) when the build gives no directory.
     */
    static String directory(String mode, String docs, String target) {
        return "update".equals(mode.strip()) ? docs : target;
    }

    static boolean enabled() {
        return !DIR.isBlank();
    }

    /** Saves the page as {@code name}.png after putting {@code texts} (selector → text) in place of what varies. */
    static void save(Page page, String name, Map<String, String> texts) {
        if (!enabled()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.evaluate("""
                async (texts) => {
                  for (const [selector, text] of Object.entries(texts)) {
                    for (const node of document.querySelectorAll(selector)) {
                      if (selector === '#qr') {
                        const { qrSvg } = await import('/js/qr.mjs');
                        node.replaceChildren(qrSvg(text));
                      } else if (['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName)) {
                        node.value = text;
                      } else {
                        node.textContent = text;
                      }
                    }
                  }
                  document.activeElement && document.activeElement.blur();
                }""", texts);
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED).setCaret(ScreenshotCaret.HIDE));
        Path file = Path.of(DIR, name + ".png");
        try {
            if (!Files.exists(file) || !looksTheSame(Files.readAllBytes(file), png)) {
                Files.write(file, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chromium's anti-aliasing of rounded corners varies by a shade from run to run; a picture that
     * differs only in a few such pixels is kept, so running the tests leaves the work tree clean.
     */
    static boolean looksTheSame(byte[] before, byte[] after) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(before));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(after));
        if (a == null || b == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (p != q) {
                    int most = Math.max(Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)),
                            Math.max(Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff)), Math.abs((p & 0xff) - (q & 0xff))));
                    if (most > 48 || ++differing > 64) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static void save(Page page, String name) {
        save(page, name, Map.of());
    }
}
