package app.bar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;

/**
 * What a person does on the chat pages, for the chat's browser tests: open a room, send a
 * message, and the ping/echo round trips the latency tests measure in the pages.
 */
final class ChatPages {

    private ChatPages() {
    }

    /** The owner opens a room for {@code places} people (the owner included) from the create page's link; returns the invitation. */
    static String openRoom(Page owner, int places) {
        owner.locator("#chat-link").click();
        owner.locator("#places").fill(Integer.toString(places));
        owner.locator("#new-button").click();
        owner.locator("#room-title").waitFor();
        assertThat(owner.locator("#status")).containsText("Connected");
        return owner.inputValue("#invite");
    }

    static void send(Page page, String text) {
        page.locator("#text").fill(text);
        page.locator("#send-button").click();
    }

    /** From now on, {@code page} answers every "ping i" it shows with "echo i". */
    static void echoPings(Page page) {
        page.evaluate(ECHO);
    }

    /**
     * {@code page} sends "ping 0" … "ping count-1", each when the previous echo is back, and
     * returns the round trips in ms, sorted: performance.now() from submitting the ping to the
     * echo being added to its list. The page gives up (and this throws) when an echo is not back
     * within 10 s.
     */
    static double[] roundTrips(Page page, int count) {
        List<?> samples = (List<?>) page.evaluate(ROUND_TRIPS, count);
        double[] millis = samples.stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray();
        Arrays.sort(millis);
        return millis;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100) of {@code sorted}. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static final String ECHO = """
            () => {
              const text = document.querySelector('#text');
              const form = document.querySelector('#send-form');
              new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
                const m = n.classList && n.classList.contains('chat-message') && /: ping (\\d+)$/.exec(n.textContent);
                if (m) {
                  text.value = 'echo ' + m[1];
                  form.requestSubmit();
                }
              }))).observe(document.querySelector('#messages'), { childList: true });
            }""";

    private static final String ROUND_TRIPS = """
            async (count) => {
              const text = document.querySelector('#text');
              const form = document.querySelector('#send-form');
              const list = document.querySelector('#messages');
              const times = [];
              for (let i = 0; i < count; i++) {
                const back = new Promise((resolve, reject) => {
                  const timer = setTimeout(() => reject(new Error('no echo of ping ' + i)), 10000);
                  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
                    if (n.classList && n.classList.contains('chat-message') && n.textContent.endsWith(': echo ' + i)) {
                      const at = performance.now();
                      clearTimeout(timer);
                      observer.disconnect();
                      resolve(at);
                    }
                  })));
                  observer.observe(list, { childList: true });
                });
                const start = performance.now();
                text.value = 'ping ' + i;
                form.requestSubmit();
                times.push((await back) - start);
              }
              return times;
            }""";
}
