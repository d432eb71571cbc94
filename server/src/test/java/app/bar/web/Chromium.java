package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.TestTools;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} (installed by
 * {@code .ci/run}) or the executable {@code BAR_TEST_CHROMIUM} names, driven by Playwright, which
 * downloads nothing (no browser of its own). Test classes using it carry
 * {@code @RequiresTool(CHROMIUM)}: skipped outside CI when there is no Chromium. One
 * browser per test class; every test gets fresh contexts ({@link #session}), which are as
 * separate as two people's browsers: no cookies, storage or cache in common. Test classes
 * reach it through {@link BrowserSessions}, which launches, hands out and closes for them.
 */
final class Chromium implements AutoCloseable {

    /** The flags that keep Chromium off the (closed) network and quiet on this machine. */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        Path executable = TestTools.current().require(TestTools.Tool.CHROMIUM);
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
    }

    static Chromium launch() {
        return new Chromium();
    }

    /** A fresh browser context (a second person) on {@code baseUrl}, desktop-sized. */
    Session session(String baseUrl) {
        return session(baseUrl, 1100, 900);
    }

    Session session(String baseUrl, int width, int height) {
        return session(baseUrl, width, height, "en-GB");
    }

    /** A session whose browser speaks {@code locale} (navigator.language and Accept-Language). */
    Session session(String baseUrl, int width, int height, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setAcceptDownloads(true)
                .setLocale(locale).setTimezoneId("UTC").setColorScheme(com.microsoft.playwright.options.ColorScheme.LIGHT)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        context.setDefaultTimeout(20_000);
        return new Session(context);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** One browser context with what its pages logged and every request they sent. */
    static final class Session implements AutoCloseable {

        private static final Pattern FAILED_RESOURCE = Pattern.compile(
                "Failed to load resource: the server responded with a status of (\\d{3}).*");

        final BrowserContext context;
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private final List<SentRequest> requests = Collections.synchronizedList(new ArrayList<>());

        Session(BrowserContext context) {
            this.context = context;
            context.onRequest(this::record);
            context.onPage(page -> {
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error") || m.type().equals("warning")) {
                        problems.add(m.type() + ": " + m.text() + " @ " + m.location());
                    }
                });
                page.onPageError(e -> problems.add("uncaught: " + e));
                page.onDialog(d -> d.accept()); // "Burn now?" and the like: the test means yes
            });
        }

        Page open(String path) {
            Page page = context.newPage();
            page.navigate(path);
            return page;
        }

        private void record(Request request) {
            byte[] body = request.postDataBuffer();
            requests.add(new SentRequest(request.method(), request.url(), body == null ? new byte[0] : body));
        }

        List<SentRequest> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        /**
         * No CSP violation, no uncaught error, no console error or warning, except a failed
         * resource whose status and URL the test expects (a wrong password's 401, a gone share's 404).
         */
        void assertNoConsoleProblems(Expected... allowed) {
            List<String> unexpected;
            synchronized (problems) {
                unexpected = problems.stream().filter(p -> !isAllowed(p, allowed)).toList();
            }
            assertThat(unexpected).as("console problems (CSP violations, errors)").isEmpty();
        }

        private static boolean isAllowed(String problem, Expected... allowed) {
            String text = problem.substring(problem.indexOf(": ") + 2);
            var m = FAILED_RESOURCE.matcher(text);
            if (!m.matches()) {
                return false;
            }
            for (Expected e : allowed) {
                if (Integer.parseInt(m.group(1)) == e.status() && problem.contains(e.urlPart())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** A failed request a test expects (the browser logs it as a console error). */
    record Expected(int status, String urlPart) {
        static Expected status(int status, String urlPart) {
            return new Expected(status, urlPart);
        }
    }

    /** A request as the page sent it. */
    record SentRequest(String method, String url, byte[] body) {

        boolean contains(String needle) {
            return url.contains(needle) || indexOf(body, needle.getBytes(StandardCharsets.UTF_8)) >= 0;
        }

        boolean contains(byte[] needle) {
            return indexOf(body, needle) >= 0;
        }

        @Override
        public String toString() {
            return method + " " + url + " (" + body.length + " bytes)";
        }

        static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
