package app.bar.web;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser of a browser test class: one {@link Chromium} launched before the class's first test
 * and closed after its last, and fresh sessions ({@link #person}: another person's browser) for
 * each test, all closed when the test ends. Register it on a Spring Boot test running a web
 * server, which the sessions open:
 * <pre>
 * &#64;RequiresTool(CHROMIUM)
 * &#64;BarIntegrationTest
 * class SomethingBrowserIT {
 *     &#64;RegisterExtension
 *     static final BrowserSessions browser = BrowserSessions.onLocalServer();
 * </pre>
 * The class keeps {@code @RequiresTool(CHROMIUM)}: JUnit evaluates it before any callback here, so
 * without Chromium the class is skipped with its one line (outside CI) before anything is launched.
 */
final class BrowserSessions implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String host;
    private final List<Chromium.Session> people = new ArrayList<>();
    private Chromium chromium;
    private String base;

    private BrowserSessions(String host) {
        this.host = host;
    }

    /** Sessions on {@code http://127.0.0.1:<port>}, the address every test client uses. */
    static BrowserSessions onLocalServer() {
        return new BrowserSessions("127.0.0.1");
    }

    /** Sessions on {@code http://localhost:<port>}: a secure context by name, as WebAuthn's relying party id needs. */
    static BrowserSessions onLocalhost() {
        return new BrowserSessions("localhost");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        base = "http://" + host + ":" + port;
    }

    /** A fresh desktop-sized session on the server: a person with a browser of their own. */
    Chromium.Session person() {
        return remember(chromium.session(base));
    }

    /** A fresh session with a {@code width} × {@code height} window (375 × 740: a phone). */
    Chromium.Session person(int width, int height) {
        return remember(chromium.session(base, width, height));
    }

    /** A fresh desktop-sized session whose browser asks for {@code locale} (Accept-Language). */
    Chromium.Session person(String locale) {
        return remember(chromium.session(base, 1100, 900, locale));
    }

    /** This test's sessions in the order {@link #person} made them. */
    List<Chromium.Session> people() {
        return List.copyOf(people);
    }

    /** The server's address as the sessions reach it. */
    String base() {
        return base;
    }

    private Chromium.Session remember(Chromium.Session session) {
        people.add(session);
        return session;
    }

    /** Closing twice does nothing, so a test may close a session early (one per loop turn). */
    @Override
    public void afterEach(ExtensionContext context) {
        people.forEach(Chromium.Session::close);
        people.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
