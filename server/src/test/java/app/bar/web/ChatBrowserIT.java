package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.ChatPages.send;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Burn chat in a real Chromium: two people (two fresh contexts) talk through one node, a third
 * beyond the room's two places is refused, three in a room for three each reach the two others
 * and a fourth is refused, the round trip of a message between two pages is measured, a frame tampered with on its way is caught by the
 * receiving browser, and burning ends the room for everyone. BAR's public URL is left unset here,
 * so its origin is the page's own, {@code http://localhost:<port>}.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
@TestPropertySource(properties = "bar.public-url=")
class ChatBrowserIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;

    private final List<Chromium.Session> sessions = new ArrayList<>();

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.forEach(Chromium.Session::close);
        sessions.clear();
    }

    private Chromium.Session person() {
        Chromium.Session session = chromium.session("http://localhost:" + port);
        sessions.add(session);
        return session;
    }

    /** The owner opens a room for two from the create page's link; returns the invitation. */
    private static String openRoom(Page owner) {
        return ChatPages.openRoom(owner, 2);
    }

    @Test
    void chatWhenTwoJoinThenTheyTalkWithTheSameSafetyCodeAndAThirdIsRefused() {
        Page alice = person().open("/");
        String invite = openRoom(alice);
        assertThat(invite).matches("http://localhost:\\d+/c/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}");
        Page bob = person().open(invite);
        assertThat(bob.locator("#send-button")).isEnabled();
        assertThat(alice.locator("#send-button")).isEnabled();
        assertThat(alice.locator("#safety")).hasText(Pattern.compile("\\d{4} \\d{4}"));
        assertThat(bob.locator("#safety")).hasText(alice.locator("#safety").textContent());

        send(alice, "hello bob, one");
        assertThat(bob.locator(".chat-message")).containsText("hello bob, one");
        send(bob, "hello alice");
        assertThat(alice.locator(".chat-message")).containsText("hello alice");
        send(alice, "two");
        assertThat(bob.locator(".chat-message").last()).containsText("two");
        assertThat(bob.locator(".chat-warning")).hasCount(0);

        Page carol = person().open(invite);
        assertThat(carol.locator("#status")).containsText("full");
        assertThat(carol.locator("#send-button")).isDisabled();
    }

    @Test
    void chatWhenThreeJoinARoomForThreeThenEachMessageReachesTheTwoOthersAndAFourthIsRefused() {
        Page alice = person().open("/");
        String invite = ChatPages.openRoom(alice, 3);
        Page bob = person().open(invite);
        Page carol = person().open(invite);
        List<Page> people = List.of(alice, bob, carol);
        Pattern everyone = Pattern.compile("^you, Person \\d, Person \\d$");
        people.forEach(page -> assertThat(page.locator("#people")).hasText(everyone));
        String code = alice.locator("#safety").textContent();
        assertThat(code).matches("\\d{4} \\d{4}");
        people.forEach(page -> assertThat(page.locator("#safety")).hasText(code));

        List<String> names = List.of("alice", "bob", "carol");
        for (int from = 0; from < people.size(); from++) {
            String text = "from " + names.get(from) + " to both";
            send(people.get(from), text);
            assertThat(people.get(from).locator(".chat-mine").last()).containsText(text);
            for (int to = 0; to < people.size(); to++) {
                if (to != from) {
                    assertThat(people.get(to).locator(".chat-message").last()).containsText(text);
                }
            }
        }
        people.forEach(page -> {
            assertThat(page.locator(".chat-message")).hasCount(2);
            assertThat(page.locator(".chat-warning")).hasCount(0);
        });

        Page dave = person().open(invite);
        assertThat(dave.locator("#status")).containsText("full");
        assertThat(dave.locator("#send-button")).isDisabled();
        people.forEach(page -> assertThat(page.locator("#people")).hasText(everyone));
    }

    /**
     * Message latency over one node, measured in the pages: alice's page takes performance.now()
     * when it submits "ping i" and when bob's echo of it is added to its list; bob's page echoes
     * each ping as soon as it shows it. Each sample is a full round trip through the browser code
     * (seal, socket, relay, open, shown, and the same back), 20 in a row; docs/chat.md has the figure.
     */
    @Test
    void latencyWhenTwoTalkOverOneNodeThenEveryEchoArrivesAndTheRoundTripIsMeasured() {
        Page alice = person().open("/");
        String invite = openRoom(alice);
        Page bob = person().open(invite);
        assertThat(alice.locator("#send-button")).isEnabled();
        assertThat(bob.locator("#send-button")).isEnabled();
        ChatPages.echoPings(bob);
        double[] millis = ChatPages.roundTrips(alice, LATENCY_MESSAGES);
        assertThat(millis).hasSize(LATENCY_MESSAGES);
        assertThat(bob.locator(".chat-message")).hasCount(LATENCY_MESSAGES);
        assertThat(alice.locator(".chat-warning")).hasCount(0);
        double p50 = millis[millis.length / 2];
        double max = millis[millis.length - 1];
        System.out.printf("chat-latency: one node p50 %.1f ms max %.1f ms (round trip alice→bob→alice in the pages, %d messages)%n",
                p50, max, LATENCY_MESSAGES);
        assertThat(max).as("slowest round trip, ms").isLessThan(5000);
    }

    private static final int LATENCY_MESSAGES = 20;

    @Test
    void chatWhenAFrameIsTamperedWithOnTheWayThenTheReceiverShowsIt() {
        Page alice = person().open("/");
        String invite = openRoom(alice);
        Chromium.Session bobSession = person();
        bobSession.context.routeWebSocket(Pattern.compile(".*/socket$"), page -> {
            WebSocketRoute server = page.connectToServer();
            page.onMessage(frame -> server.send(frame.text()));
            server.onMessage(frame -> page.send(tampered(frame.text())));
        });
        Page bob = bobSession.open(invite);
        assertThat(bob.locator("#send-button")).isEnabled();
        send(alice, "this one is changed on the way");
        assertThat(bob.locator(".chat-warning")).containsText("tampered");
        assertThat(bob.locator(".chat-message")).hasCount(0);
    }

    @Test
    void burnWhenOwnerBurnsThenEveryonesPageSaysItIsGone() {
        Page alice = person().open("/");
        String invite = openRoom(alice);
        Page bob = person().open(invite);
        assertThat(bob.locator("#send-button")).isEnabled();
        alice.locator("#burn-button").click();
        assertThat(bob.locator("#gone h1")).hasText("This chat has been burned");
        assertThat(alice.locator("#gone h1")).hasText("This chat has been burned");
        Page late = person().open(invite);
        assertThat(late.locator("#gone")).isVisible();
    }

    /** A relayed message frame with one ciphertext character changed; other frames as they are. */
    private static String tampered(String text) {
        ObjectNode frame = (ObjectNode) TestHttp.JSON.readTree(text);
        if (!"msg".equals(frame.get("type").asString())) {
            return text;
        }
        ObjectNode data = (ObjectNode) TestHttp.JSON.readTree(frame.get("data").asString());
        if (!"msg".equals(data.path("k").asString())) {
            return text;
        }
        data.get("c").properties().forEach(e -> {
            ObjectNode sealed = (ObjectNode) e.getValue();
            String ct = sealed.get("ct").asString();
            char first = ct.charAt(0);
            sealed.put("ct", (first == 'A' ? 'B' : 'A') + ct.substring(1));
        });
        frame.put("data", TestHttp.JSON.writeValueAsString(data));
        return TestHttp.JSON.writeValueAsString(frame);
    }
}
